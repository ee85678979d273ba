package fr.contact.eds.ingestion.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.mongodb.client.MongoClient;
import fr.contact.eds.ingestion.api.BundleAcceptedEvent;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.testing.AccessRecordRefusal;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.StoredText;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class FhirIntakeTest {

    private static final String FHIR_JSON = "application/fhir+json";

    @Inject
    AxonRuntime axon;
    @Inject
    MongoClient mongo;

    private static String association(String id) {
        return "Bearer " + TestTokens.forRole("association", "software-of-" + id, Map.of("association", id));
    }

    /** The example bundle with a fresh identifier, so each test takes in a new bundle. */
    private static String exampleBundle() throws IOException {
        try (InputStream in = FhirIntakeTest.class.getResourceAsStream("/bundles/home-visit.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("B-2026-000123",
                    "B-" + UUID.randomUUID());
        }
    }

    private static Response post(String token, String body) {
        return given().header("Authorization", token).contentType(FHIR_JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/fhir");
    }

    private List<Object> payloadsSince(long position) {
        return axon.engine().readEvents(new GlobalSequenceTrackingToken(position), false)
                .map(e -> (Object) e.getPayload())
                .toList();
    }

    @Nested
    class Accepting {

        @Test
        void appendsTheEpisodeAndTheAccessBeforeAnswering() throws IOException {
            long before = axon.engine().headPosition();

            post(association("sos-paris"), exampleBundle()).then().statusCode(200).contentType(FHIR_JSON)
                    .body("resourceType", equalTo("Bundle")).body("type", equalTo("transaction-response"))
                    .body("entry.response.status", hasItem("201 Created"))
                    .body("entry[9].response.status", equalTo("200 OK"));

            List<Object> stored = payloadsSince(before);
            assertThat(stored.get(0)).isInstanceOfSatisfying(BundleAcceptedEvent.class, a -> {
                assertThat(a.associationId()).isEqualTo("sos-paris");
                assertThat(a.resourcesUsed()).isEqualTo(10);
                assertThat(a.resourcesIgnored()).isEqualTo(1);
            });
            assertThat(stored.get(1)).isInstanceOf(EpisodeOpenedEvent.class);
            assertThat(stored).hasSize(11).last().isInstanceOfSatisfying(AccessRecordedEvent.class, access -> {
                assertThat(access.action()).isEqualTo(AccessAction.CREATE);
                assertThat(access.organisation()).isEqualTo("sos-paris");
                assertThat(access.patientPseudonyms())
                        .containsExactly(((EpisodeOpenedEvent) stored.get(1)).patientPseudonym().value());
            });
        }

        @Test
        void takesInACallThatEndedWithAdviceAsAnEpisodeOfItsOwn() throws IOException {
            long before = axon.engine().headPosition();
            String advice;
            try (InputStream in = FhirIntakeTest.class.getResourceAsStream("/bundles/advice-call.json")) {
                advice = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }

            post(association("sos-brest"), advice).then().statusCode(200).body("type", equalTo("transaction-response"))
                    .body("entry.response.status", equalTo(List.of("201 Created", "201 Created")));

            assertThat(payloadsSince(before)).extracting(p -> p.getClass().getSimpleName()).containsExactly(
                    "BundleAcceptedEvent", "EpisodeOpenedEvent", "CallReceivedEvent", "AccessRecordedEvent");
        }

        @Test
        void answersTheSameBundleTwiceAndStoresItOnce() throws IOException {
            String bundle = exampleBundle();
            String first = post(association("sos-lyon"), bundle).then().statusCode(200).extract().asString();
            long head = axon.engine().headPosition();

            String again = post(association("sos-lyon"), bundle).then().statusCode(200).extract().asString();

            assertThat(again).isEqualTo(first);
            assertThat(axon.engine().headPosition()).isEqualTo(head);
        }

        @Test
        void treatsTheSameBundleFromAnotherAssociationAsAnotherBundle() throws IOException {
            String bundle = exampleBundle();
            post(association("sos-nice"), bundle).then().statusCode(200);
            long head = axon.engine().headPosition();

            post(association("sos-toulon"), bundle).then().statusCode(200);
            assertThat(axon.engine().headPosition()).isGreaterThan(head);
        }
    }

    @Nested
    class Rejecting {

        private void assertNothingStoredBy(Runnable request) {
            long head = axon.engine().headPosition();
            request.run();
            assertThat(axon.engine().headPosition()).isEqualTo(head);
        }

        @Test
        void aBundleWhoseIntakeCannotBeRecordedAsAnAccess() throws IOException {
            String bundle = exampleBundle().replace("B-2026-000123", "B-" + java.util.UUID.randomUUID());
            try (var refusal = AccessRecordRefusal.refuseAccessRecords(axon.configuration().eventStore())) {
                assertNothingStoredBy(() -> post(association("sos-paris"), bundle).then().statusCode(500)
                        .contentType(FHIR_JSON).body("issue[0].code", equalTo("exception")));
            }
        }

        @Test
        void malformedJsonWithAStructureIssue() {
            assertNothingStoredBy(() -> post(association("sos-paris"), "{\"resourceType\": \"Bundle\", \"type\": ")
                    .then().statusCode(400).contentType(FHIR_JSON).body("resourceType", equalTo("OperationOutcome"))
                    .body("issue[0].code", equalTo("structure")));
        }

        @Test
        void malformedJsonWithoutParserInternals() {
            post(association("sos-paris"), "{\"resourceType\": \"Bundle\", \"type\": ").then().statusCode(400)
                    .body("issue[0].diagnostics", not(containsString("HAPI")))
                    .body("issue[0].diagnostics", not(containsString("Source")))
                    .body("issue[0].diagnostics", not(containsString("jackson")));
            post(association("sos-paris"), "{'resourceType': 'Bundle', 'type': 'batch'}").then().statusCode(400)
                    .body("issue[0].code", equalTo("structure"));
        }

        @Test
        void anIdentifierThatIsNotAStringAtItsElement() throws IOException {
            String bundle = exampleBundle().replace("\"value\": \"255081416802538\"", "\"value\": {\"$gt\": \"\"}");
            assertNothingStoredBy(() -> post(association("sos-paris"), bundle).then().statusCode(422)
                    .body("issue", hasSize(1)).body("issue[0].code", equalTo("structure"))
                    .body("issue[0].expression[0]", equalTo("Bundle.entry[0].resource.identifier[0].value.$gt")));
        }

        @Test
        void aValueOfTheWrongJsonTypeAtItsElementsFullPath() throws IOException {
            // The parser names only identifier.value; the telecom's value, a string, is not the one at fault.
            String bundle = exampleBundle().replace("\"value\": \"255081416802538\"", "\"value\": 255081416802538");
            assertNothingStoredBy(() -> post(association("sos-paris"), bundle).then().statusCode(422)
                    .body("issue[0].code", equalTo("structure"))
                    .body("issue[0].expression[0]", equalTo("Bundle.entry[0].resource.identifier[0].value"))
                    .body("issue[0].diagnostics", containsString("must be a JSON string, not number")));
        }

        @Test
        void aDateItsDatatypeRefusesAtItsElementWithoutLibraryCodes() throws IOException {
            for (String date : List.of("14/08/1955", "+999999999-12-31")) {
                String bundle = exampleBundle().replace("\"1955-08-14\"", "\"" + date + "\"");
                assertNothingStoredBy(() -> post(association("sos-paris"), bundle).then().statusCode(422)
                        .body("issue[0].code", equalTo("value"))
                        .body("issue[0].expression[0]", equalTo("Bundle.entry[0].resource.birthDate"))
                        .body("issue[0].diagnostics", not(containsString("HAPI-"))));
            }
        }

        @Test
        void aBundleThatNamesAnotherAssociation() throws IOException {
            String fromSource = exampleBundle().replaceFirst("\"resourceType\": \"Bundle\",",
                    "\"resourceType\": \"Bundle\", \"meta\": {\"source\": \"https://contact-eds.fr/fhir/association/sos-lyon\"},");
            assertNothingStoredBy(() -> post(association("sos-paris"), fromSource).then().statusCode(403)
                    .body("issue[0].code", equalTo("forbidden"))
                    .body("issue[0].expression[0]", equalTo("Bundle.meta.source")));
            String withOrganization = exampleBundle().replaceFirst("\"entry\": \\[", "\"entry\": [{\"resource\": "
                    + "{\"resourceType\": \"Organization\", \"identifier\": [{\"system\": "
                    + "\"https://contact-eds.fr/fhir/NamingSystem/association\", \"value\": \"sos-lyon\"}]}},");
            assertNothingStoredBy(() -> post(association("sos-paris"), withOrganization).then().statusCode(403)
                    .body("issue[0].expression[0]", equalTo("Bundle.entry[0].resource.identifier[0].value")));
            String ownName = exampleBundle().replaceFirst("\"resourceType\": \"Bundle\",",
                    "\"resourceType\": \"Bundle\", \"meta\": {\"source\": \"https://contact-eds.fr/fhir/association/sos-paris\"},");
            post(association("sos-paris"), ownName).then().statusCode(200);
        }

        @Test
        void aBodyWithoutContentType() throws Exception {
            // An HTTP client that, unlike RestAssured, sends no Content-Type when told none.
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://localhost:" + io.restassured.RestAssured.port + "/fhir"))
                    .header("Authorization", association("sos-paris"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(exampleBundle())).build();
            long head = axon.engine().headPosition();
            var answer = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .build().send(request,
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(415);
            assertThat(answer.body()).contains("OperationOutcome");
            assertThat(axon.engine().headPosition()).isEqualTo(head);
        }

        @Test
        void anotherResourceTypeNamingIt() {
            assertNothingStoredBy(() -> post(association("sos-paris"), "{\"resourceType\": \"Patient\"}")
                    .then().statusCode(400).body("issue[0].expression[0]", equalTo("resourceType")));
        }

        @Test
        void invalidContentWithOneIssuePerProblem() throws IOException {
            String bundle = exampleBundle().replace("\"code\": \"HH\"", "\"code\": \"XYZ\"")
                    .replace("\"birthDate\": \"1955-08-14\",", "");
            assertNothingStoredBy(() -> post(association("sos-paris"), bundle).then().statusCode(422)
                    .body("issue.expression.flatten()", hasItem("Bundle.entry[2].resource.class")));
        }

        @Test
        void aControlCharacterThatWouldBreakEveryConsumerOfExtracts() throws IOException {
            String bundle = exampleBundle().replace("\"code\": \"HH\"", "\"code\": \"H\\u0000H\"");
            assertNothingStoredBy(() -> post(association("sos-paris"), bundle).then().statusCode(422)
                    .body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("control character")));
        }

        @Test
        void aBodyOverTheSizeLimit() {
            String huge = "{\"resourceType\": \"Bundle\", \"type\": \"batch\", \"x\": \"" + "a".repeat(1_000_001)
                    + "\"}";
            assertNothingStoredBy(() -> post(association("sos-paris"), huge).then().statusCode(413)
                    .body("issue[0].code", equalTo("too-costly")));
        }

        @Test
        void aMethodOrMediaTypeTheEndpointDoesNotTakeAsAnOperationOutcome() throws IOException {
            String bundle = exampleBundle();
            assertNothingStoredBy(() -> given().header("Authorization", association("sos-paris"))
                    .contentType("text/plain").body(bundle).post("/fhir").then().statusCode(415)
                    .contentType(FHIR_JSON).body("issue[0].code", equalTo("not-supported"))
                    .body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("text/plain")));
            given().header("Authorization", association("sos-paris")).get("/fhir").then().statusCode(405)
                    .contentType(FHIR_JSON).body("issue[0].code", equalTo("not-supported"));
        }

        @Test
        void aRouteNobodyServesUnderFhirAsAnOperationOutcome() {
            given().header("Authorization", association("sos-paris")).get("/fhir/Patient/123").then().statusCode(404)
                    .contentType(FHIR_JSON).body("issue[0].code", equalTo("not-found"))
                    .body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("/fhir/Patient/123"));
            given().get("/no-such-route").then().statusCode(404).contentType("application/problem+json");
        }

        @Test
        void aBodyAnnouncedOverTheHttpLimitAsAnOperationOutcomeBeforeItIsRead() throws IOException {
            try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("POST /fhir HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + association("sos-paris") + "\r\nContent-Type: application/fhir+json\r\n"
                        + "Content-Length: " + 65L * 1024 * 1024 + "\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readNBytes(2048),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 413").contains(FHIR_JSON).contains("too-costly");
            }
        }

        @Test
        void callersThatAreNotAnAssociationSpeakingAsItself() throws IOException {
            String bundle = exampleBundle();
            given().contentType(FHIR_JSON).body(bundle).post("/fhir").then().statusCode(401)
                    .contentType(FHIR_JSON).header("WWW-Authenticate", "Bearer")
                    .body("issue[0].code", equalTo("login"));
            post(TestTokens.bearer("researcher"), bundle).then().statusCode(403).contentType(FHIR_JSON)
                    .body("issue[0].code", equalTo("forbidden"));
            post(TestTokens.bearer("association"), bundle).then().statusCode(403).body("issue[0].code",
                    equalTo("forbidden"));
        }
    }

    @Test
    void leavesNoDirectIdentifierInAnyCollection() throws IOException {
        post(association("sos-paris"), exampleBundle()).then().statusCode(200);

        List<String> hits = StoredText.occurrencesOf(mongo, List.of("255081416802538", "Lefèvre", "LEFEVRE", "Marie",
                "12 34 56 78", "Tilleuls", "1955-08-14", "10101234567", "E-778899", "B-2026", "75112", "toux depuis"));
        assertThat(hits).isEmpty();
    }
}
