package fr.contact.eds.catalog.datasets.rest;

import fr.contact.eds.catalog.datasets.CatalogueVocabularies;
import fr.contact.eds.catalog.datasets.Dataset;
import fr.contact.eds.catalog.datasets.DatasetCatalogue;
import fr.contact.eds.catalog.datasets.DatasetRdf;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.platform.text.BoundedText;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.List;
import java.util.Map;

/** The dataset catalogue for those who work with it; the data steward keeps the descriptions. */
@Path("/datasets")
@Produces({MediaType.APPLICATION_JSON, RdfResponses.TURTLE, RdfResponses.JSON_LD, RdfResponses.RDF_XML})
public class DatasetResource {

    /** What the steward writes; counts and coverage are computed, the review date is the day of saving. */
    public record DatasetInput(String title, String description, String publisher, String publisherType,
            List<String> keywords, List<String> themes, List<String> healthCategories, List<String> spatial,
            List<String> codingSystems, String legalBasis, String purpose, String accessRights, String retention) {}

    private final DatasetCatalogue catalogue;
    private final DatasetRdf rdf;

    public DatasetResource(DatasetCatalogue catalogue, DatasetRdf rdf) {
        this.catalogue = catalogue;
        this.rdf = rdf;
    }

    @GET
    @RolesAllowed({Roles.DATA_STEWARD, Roles.RESEARCHER, Roles.CSE_MEMBER, Roles.DPO})
    public Response all(@Context HttpHeaders headers) {
        return RdfResponses.negotiated(catalogue.all(), headers, rdf);
    }

    @GET
    @Path("{datasetId}")
    @RolesAllowed({Roles.DATA_STEWARD, Roles.RESEARCHER, Roles.CSE_MEMBER, Roles.DPO})
    public Response one(@PathParam("datasetId") String datasetId, @Context HttpHeaders headers) {
        Dataset dataset = catalogue.byId(datasetId)
                .orElseThrow(() -> ProblemException.notFound("No dataset " + datasetId));
        return RdfResponses.negotiated(List.of(dataset), headers, rdf);
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
        required("retention", input.retention());
        for (var text : List.of(Map.entry("title", input.title()), Map.entry("description", input.description()),
                Map.entry("publisher", input.publisher()), Map.entry("legalBasis", input.legalBasis()),
                Map.entry("purpose", input.purpose()), Map.entry("retention", input.retention()))) {
            bounded(text.getKey(), text.getValue());
        }
        // Taken in means publishable: the public catalogue renders every description as DCAT-AP, whose shapes
        // accept only values of the EU vocabularies for these.
        controlled("publisherType", input.publisherType(), CatalogueVocabularies.PUBLISHER_TYPES);
        controlled("accessRights", input.accessRights(), CatalogueVocabularies.ACCESS_RIGHTS);
        List<String> themes = list(input.themes());
        for (int i = 0; i < themes.size(); i++) {
            controlled("themes[" + i + "]", themes.get(i), CatalogueVocabularies.DATA_THEMES);
        }
        List<String> healthCategories = atLeastOne("healthCategories", input.healthCategories(),
                CatalogueVocabularies.HEALTH_CATEGORIES);
        List<String> spatial = atLeastOne("spatial", input.spatial(), CatalogueVocabularies.COUNTRIES);
        List<String> codingSystems = list(input.codingSystems());
        for (int i = 0; i < codingSystems.size(); i++) {
            required("codingSystems[" + i + "]", codingSystems.get(i));
            if (!CatalogueVocabularies.CODING_SYSTEMS.containsKey(codingSystems.get(i))) {
                throw ProblemException.badRequest("codingSystems[" + i + "]", "Unknown coding system; valid ones: "
                        + String.join(", ", CatalogueVocabularies.CODING_SYSTEMS.keySet().stream().sorted().toList()));
            }
        }
        List<String> keywords = list(input.keywords());
        for (int i = 0; i < keywords.size(); i++) {
            required("keywords[" + i + "]", keywords.get(i));
            bounded("keywords[" + i + "]", keywords.get(i));
        }
        return catalogue.save(new Dataset(datasetId, input.title(), input.description(), input.publisher(),
                input.publisherType(), keywords, themes, healthCategories, spatial, codingSystems, input.legalBasis(),
                input.purpose(), input.accessRights(), input.retention(), catalogue.today(), null, null, null, null,
                false));
    }

    private static void bounded(String field, String value) {
        BoundedText.problem(field, value, BoundedText.FREE_TEXT, true).ifPresent(problem -> {
            throw ProblemException.badRequest(field, problem);
        });
    }

    private static void controlled(String field, String value, CatalogueVocabularies.Vocabulary vocabulary) {
        required(field, value);
        if (vocabulary.byIri(value).isEmpty()) {
            throw ProblemException.badRequest(field, field + " must be an IRI of " + vocabulary.scheme()
                    + "; valid ones: " + String.join(", ", vocabulary.iris()));
        }
    }

    private static List<String> atLeastOne(String field, List<String> values,
            CatalogueVocabularies.Vocabulary vocabulary) {
        if (list(values).isEmpty()) {
            throw ProblemException.badRequest(field, field + " is required: one or more of "
                    + String.join(", ", vocabulary.iris()));
        }
        for (int i = 0; i < values.size(); i++) {
            controlled(field + "[" + i + "]", values.get(i), vocabulary);
        }
        return values;
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, field + " is required");
        }
    }
}
