package fr.contact.eds.catalog.rest;

import fr.contact.eds.catalog.query.Dataset;
import fr.contact.eds.catalog.query.DatasetCatalogue;
import fr.contact.eds.catalog.query.DatasetRdf;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.platform.text.BoundedText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/** The dataset catalogue for those who work with it; the data steward keeps the descriptions. */
@Path("/datasets")
@Produces({MediaType.APPLICATION_JSON, DatasetResource.TURTLE, DatasetResource.JSON_LD})
public class DatasetResource {

    static final String TURTLE = "text/turtle";
    static final String JSON_LD = "application/ld+json";

    /** What the steward writes; counts and coverage are computed, the review date is the day of saving. */
    public record DatasetInput(String title, String description, String publisher, List<String> themes,
            String spatialCoverage, List<String> codingSystems, String legalBasis, String purpose,
            String accessRights, String retention) {}

    @Inject
    DatasetCatalogue catalogue;

    @GET
    @RolesAllowed({Roles.DATA_STEWARD, Roles.RESEARCHER, Roles.CSE_MEMBER, Roles.DPO})
    public Response all(@Context HttpHeaders headers) {
        return negotiated(catalogue.all(), headers);
    }

    @GET
    @Path("{datasetId}")
    @RolesAllowed({Roles.DATA_STEWARD, Roles.RESEARCHER, Roles.CSE_MEMBER, Roles.DPO})
    public Response one(@PathParam("datasetId") String datasetId, @Context HttpHeaders headers) {
        Dataset dataset = catalogue.byId(datasetId)
                .orElseThrow(() -> ProblemException.notFound("No dataset " + datasetId));
        return negotiated(List.of(dataset), headers);
    }

    @PUT
    @Path("{datasetId}")
    @RolesAllowed(Roles.DATA_STEWARD)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Dataset describe(@PathParam("datasetId") String datasetId, DatasetInput input) {
        if (!datasetId.matches("[a-z0-9][a-z0-9-]{2,63}")) {
            throw ProblemException.badRequest("datasetId", "Lowercase letters, digits and dashes, 3 to 64");
        }
        if (input == null) {
            throw ProblemException.badRequest("title", "A description is required");
        }
        required("title", input.title());
        required("description", input.description());
        required("publisher", input.publisher());
        required("legalBasis", input.legalBasis());
        required("purpose", input.purpose());
        required("accessRights", input.accessRights());
        required("retention", input.retention());
        // Taken in means publishable: the public catalogue renders every description as RDF, for everyone.
        required("spatialCoverage", input.spatialCoverage());
        List<String> themes = input.themes() == null ? List.of() : input.themes();
        for (int i = 0; i < themes.size(); i++) {
            requireIri("themes[" + i + "]", themes.get(i));
        }
        List<String> codingSystems = input.codingSystems() == null ? List.of() : input.codingSystems();
        for (int i = 0; i < codingSystems.size(); i++) {
            required("codingSystems[" + i + "]", codingSystems.get(i));
        }
        for (var text : List.of(Map.entry("title", input.title()), Map.entry("description", input.description()),
                Map.entry("publisher", input.publisher()), Map.entry("spatialCoverage", input.spatialCoverage()),
                Map.entry("legalBasis", input.legalBasis()), Map.entry("purpose", input.purpose()),
                Map.entry("accessRights", input.accessRights()), Map.entry("retention", input.retention()))) {
            bounded(text.getKey(), text.getValue());
        }
        return catalogue.save(new Dataset(datasetId, input.title(), input.description(), input.publisher(),
                themes, input.spatialCoverage(), codingSystems, input.legalBasis(),
                input.purpose(), input.accessRights(), input.retention(), catalogue.today(), null, null, null, null,
                false));
    }

    static Response negotiated(List<Dataset> datasets, HttpHeaders headers) {
        String accept = String.valueOf(headers.getHeaderString(HttpHeaders.ACCEPT));
        if (accept.contains(TURTLE)) {
            return Response.ok(DatasetRdf.turtle(datasets), TURTLE).build();
        }
        if (accept.contains(JSON_LD)) {
            return Response.ok(DatasetRdf.jsonLd(datasets), JSON_LD).build();
        }
        return Response.ok(datasets, MediaType.APPLICATION_JSON).build();
    }

    private static void bounded(String field, String value) {
        BoundedText.problem(field, value, BoundedText.FREE_TEXT, true).ifPresent(problem -> {
            throw ProblemException.badRequest(field, problem);
        });
    }

    private static void requireIri(String field, String value) {
        required(field, value);
        try {
            URI iri = new URI(value);
            if (!iri.isAbsolute() || !("http".equals(iri.getScheme()) || "https".equals(iri.getScheme()))
                    || iri.getHost() == null) {
                throw new URISyntaxException(value, "not an absolute http(s) IRI");
            }
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest(field, field + " must be an absolute http(s) IRI, e.g. "
                    + "http://publications.europa.eu/resource/authority/data-theme/HEAL");
        }
        bounded(field, value);
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, field + " is required");
        }
    }
}
