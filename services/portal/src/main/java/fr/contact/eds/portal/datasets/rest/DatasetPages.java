package fr.contact.eds.portal.datasets.rest;

import fr.contact.eds.portal.catalog.Catalog;
import fr.contact.eds.portal.catalog.DatasetDescription;
import fr.contact.eds.portal.web.Visitor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The datasets as a person reads them, and the same HealthDCAT-AP catalogue for machines, in Turtle and JSON-LD,
 * exactly as the catalog writes it (the portal never rewrites RDF, so what the SHACL shapes validated is served).
 */
@Path("/datasets")
public class DatasetPages {

    static final String TURTLE = "text/turtle";
    static final String JSON_LD = "application/ld+json";

    @CheckedTemplate(basePath = "datasets")
    static class Templates {

        static native TemplateInstance datasets(List<DatasetDescription> datasets);
    }

    private final Catalog catalog;
    private final Visitor visitor;

    public DatasetPages(Catalog catalog, Visitor visitor) {
        this.catalog = catalog;
        this.visitor = visitor;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance datasets() {
        return Templates.datasets(catalog.datasets()).setLocale(visitor.locale());
    }

    @GET
    @Path("catalogue.ttl")
    @Produces(TURTLE)
    public Response turtle() {
        return rdf(TURTLE, "catalogue.ttl");
    }

    @GET
    @Path("catalogue.jsonld")
    @Produces(JSON_LD)
    public Response jsonLd() {
        return rdf(JSON_LD, "catalogue.jsonld");
    }

    private Response rdf(String mediaType, String fileName) {
        return Response.ok(catalog.datasetsAs(mediaType), mediaType + ";charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"").build();
    }
}
