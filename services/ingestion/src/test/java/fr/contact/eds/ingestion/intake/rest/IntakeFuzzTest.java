package fr.contact.eds.ingestion.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import fr.contact.eds.fhir.conformance.FhirR4Validator;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.JsonMutations;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What faces the associations, fuzzed: mutations of valid bundles (thousands per run, {@code -Dfuzz.cases},
 * reproducible from {@code -Dfuzz.seed}) and the corpus of bundles that once broke CONTACT. Every answer is a success
 * or a refusal with an OperationOutcome, never a server error, and a refused bundle stores nothing.
 */
@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class IntakeFuzzTest {

    private static final Set<Integer> ANSWERS = Set.of(200, 400, 403, 413, 415, 422);

    @Inject
    AxonRuntime axon;

    private static String resource(String name) throws IOException {
        try (InputStream in = IntakeFuzzTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Response post(byte[] body) {
        return given().header("Authorization", "Bearer " + TestTokens.forRole("association", "software",
                Map.of("association", "sos-paris"))).contentType(OperationOutcomes.FHIR_JSON).body(body)
                .post("/fhir");
    }

    @Test
    void answersEveryMutationOfAValidBundleWithASuccessOrARefusalThatStoredNothing() throws IOException {
        int cases = Integer.getInteger("fuzz.cases", 2000);
        long seed = Long.getLong("fuzz.seed", 20261202L);
        List<JsonMutations> bundles = List.of(new JsonMutations(resource("/bundles/home-visit.json")),
                new JsonMutations(resource("/bundles/advice-call.json")));
        int accepted = 0;
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < cases; i++) {
            long caseSeed = seed + i;
            byte[] body = bundles.get(i % bundles.size()).mutate(caseSeed);
            long head = axon.engine().headPosition();
            Response answer = post(body);
            String described = "case seed " + caseSeed + " (-Dfuzz.seed=" + caseSeed + " -Dfuzz.cases=1) answered "
                    + answer.statusCode() + ": " + answer.asString();
            assertThat(answer.statusCode()).as(described).isIn(ANSWERS);
            assertThat(answer.asString()).as(described).contains("\"resourceType\"");
            validOnce(answer, described, kinds);
            if (answer.statusCode() == 200) {
                accepted++;
            } else {
                assertThat(axon.engine().headPosition()).as("stored nothing: " + described).isEqualTo(head);
            }
        }
        // Mutations that leave a bundle valid (an unused display dropped, say) must still be taken in.
        assertThat(accepted).as("accepted among %d mutations", cases).isPositive();
    }

    @Test
    void refusesEveryBundleOfTheCorpusAsItsNameSaysAndStoresNothing() throws IOException, URISyntaxException {
        Path corpus = Path.of(IntakeFuzzTest.class.getResource("/fuzz-corpus").toURI());
        try (Stream<Path> files = Files.list(corpus)) {
            List<Path> cases = files.sorted().toList();
            assertThat(cases).hasSizeGreaterThan(5);
            for (Path file : cases) {
                int expected = Integer.parseInt(file.getFileName().toString().substring(0, 3));
                long head = axon.engine().headPosition();
                Response answer = post(Files.readAllBytes(file));
                assertThat(answer.statusCode()).as(file.getFileName() + ": " + answer.asString())
                        .isEqualTo(expected);
                assertThat(answer.asString()).as(file.getFileName().toString()).contains("OperationOutcome");
                assertThat(FhirR4Validator.errors(answer.asString())).as(file.getFileName().toString()).isEmpty();
                assertThat(axon.engine().headPosition()).as(file.getFileName().toString()).isEqualTo(head);
            }
        }
    }

    /**
     * Every kind of answer (status and issue codes) passes HAPI's R4 validator: the first of each kind is checked,
     * since validating two thousand answers would cost more than it tells.
     */
    private static void validOnce(Response answer, String described, Set<String> kinds) {
        String kind = answer.statusCode() + " " + answer.jsonPath().getList("issue.code");
        if (kinds.add(kind)) {
            assertThat(FhirR4Validator.errors(answer.asString())).as(kind + ": " + described).isEmpty();
        }
    }
}
