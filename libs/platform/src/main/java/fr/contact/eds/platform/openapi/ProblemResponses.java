package fr.contact.eds.platform.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every operation of every service describes its refusals as the one problem shape the platform answers with
 * ({@link fr.contact.eds.platform.rest.Problem}), with an example, so that a client knows what a 4xx carries before
 * it gets one. Secured operations also name 401 and 403.
 */
public class ProblemResponses implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final Map<String, String> REFUSALS = Map.of(
            "400", "A parameter or the body is malformed; field names it",
            "404", "Nothing there, or nothing the caller may know of",
            "503", "The answer would not be trustworthy yet (a projection catching up or holding dead letters); "
                    + "see Retry-After");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(ProblemResponses::describeRefusals));
    }

    private static void describeRefusals(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        REFUSALS.forEach((status, description) -> add(responses, status, description));
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(responses, "401", "No valid bearer token");
            add(responses, "403", "The token carries none of the roles this operation allows");
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(PROBLEM_JSON, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM))
                        .example(Map.of("type", "about:blank", "title", title(status), "status",
                                Integer.parseInt(status), "detail", description)))));
    }

    private static String title(String status) {
        return fr.contact.eds.platform.rest.Problems.title(Integer.parseInt(status));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING));
        return OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem: every refusal of every CONTACT service")
                .addProperty("type", text).addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", text)
                .addProperty("field", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))
                        .description("The parameter, body field or header at fault, when there is one"))
                .required(java.util.List.of("type", "title", "status", "detail"));
    }
}
