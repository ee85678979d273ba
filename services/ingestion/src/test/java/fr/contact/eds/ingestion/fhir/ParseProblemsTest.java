package fr.contact.eds.ingestion.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser names an element and its parent only; the issue must still point at the element in the bundle. */
class ParseProblemsTest {

    private static final FhirContext FHIR = FhirContext.forR4();

    private static List<IntakeIssue> issuesOf(String bundle) {
        ParseProblems problems = new ParseProblems();
        FHIR.newJsonParser().setParserErrorHandler(problems).parseResource(bundle);
        return problems.issuesIn(bundle.getBytes(StandardCharsets.UTF_8));
    }

    /** Two patients: their identifiers' values as JSON, and the second one's birth date. */
    private static String patients(String first, String second, String birthDate) {
        return """
                {"resourceType": "Bundle", "type": "batch", "entry": [
                 {"resource": {"resourceType": "Patient", "identifier": [{"value": %s}]}},
                 {"resource": {"resourceType": "Patient", "identifier": [{"value": %s}], "birthDate": "%s"}}]}
                """.formatted(first, second, birthDate);
    }

    @Test
    void placesReportsAlikeAtSuchElementsInTurn() {
        String twice = """
                {"resourceType": "Bundle", "type": "batch", "entry": [
                 {"resource": {"resourceType": "Patient", "birthDate": "14/08/1955"}},
                 {"resource": {"resourceType": "Patient", "birthDate": "1960-01-01"}},
                 {"resource": {"resourceType": "Patient", "birthDate": "14/08/1955"}}]}
                """;
        assertThat(issuesOf(twice)).extracting(IntakeIssue::expression).containsExactly(
                "Bundle.entry[0].resource.birthDate", "Bundle.entry[2].resource.birthDate");
    }

    @Test
    void refusesAnIdentifierThatIsNotAJsonStringWhereTheParserWouldTakeIt() {
        for (String value : List.of("255081416802538", "{\"id\": \"x\"}", "[\"a\"]", "true")) {
            String bundle = patients("\"ok\"", value, "1955-08-14");
            assertThat(issuesOf(bundle)).as("the parser reports nothing for " + value).isEmpty();
            assertThat(new JsonTypes(FHIR).problemIn(bundle.getBytes(StandardCharsets.UTF_8))).as(value)
                    .hasValueSatisfying(issue -> {
                        assertThat(issue.expression()).isEqualTo("Bundle.entry[1].resource.identifier[0].value");
                        assertThat(issue.diagnostics()).startsWith("value must be a JSON string, not ");
                    });
        }
    }

    @Test
    void takesEveryElementOfAValidBundleWithItsFhirType() throws java.io.IOException {
        for (String name : List.of("/bundles/home-visit.json", "/bundles/advice-call.json")) {
            try (var in = ParseProblemsTest.class.getResourceAsStream(name)) {
                assertThat(new JsonTypes(FHIR).problemIn(in.readAllBytes())).as(name).isEmpty();
            }
        }
    }

    @Test
    void placesAValueItsDatatypeRefusesByTheValueItself() {
        assertThat(issuesOf(patients("\"ok\"", "\"ok\"", "14/08/1955"))).extracting(IntakeIssue::expression)
                .containsExactly("Bundle.entry[1].resource.birthDate");
    }
}
