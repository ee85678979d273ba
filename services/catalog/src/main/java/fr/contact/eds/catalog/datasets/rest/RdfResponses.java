package fr.contact.eds.catalog.datasets.rest;

import fr.contact.eds.catalog.datasets.Dataset;
import fr.contact.eds.catalog.datasets.DatasetRdf;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Dataset descriptions in the RDF syntax the caller accepts, JSON otherwise: for stewards and the public alike. */
public final class RdfResponses {

    public static final String TURTLE = "text/turtle";
    public static final String JSON_LD = "application/ld+json";
    public static final String RDF_XML = "application/rdf+xml";

    private RdfResponses() {}

    public static Response negotiated(List<Dataset> datasets, HttpHeaders headers, DatasetRdf rdf) {
        String accept = String.valueOf(headers.getHeaderString(HttpHeaders.ACCEPT));
        if (accept.contains(TURTLE)) {
            return Response.ok(rdf.turtle(datasets), TURTLE).build();
        }
        if (accept.contains(JSON_LD)) {
            return Response.ok(rdf.jsonLd(datasets), JSON_LD).build();
        }
        if (accept.contains(RDF_XML)) {
            return Response.ok(rdf.rdfXml(datasets), RDF_XML).build();
        }
        return Response.ok(datasets, MediaType.APPLICATION_JSON).build();
    }
}
