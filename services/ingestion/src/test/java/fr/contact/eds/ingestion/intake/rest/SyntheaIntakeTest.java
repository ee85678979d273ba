package fr.contact.eds.ingestion.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import fr.contact.eds.fhir.conformance.FhirR4Validator;
import fr.contact.eds.ingestion.api.DiagnosisRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.api.LaboratoryResultRecordedEvent;
import fr.contact.eds.ingestion.api.OutcomeRecordedEvent;
import fr.contact.eds.ingestion.api.PrescriptionRecordedEvent;
import fr.contact.eds.ingestion.api.VitalSignRecordedEvent;
import fr.contact.eds.ingestion.fhir.FhirSystems;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.StoredText;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real EHR bundles, as the most common open generator writes them (Synthea R4, see
 * {@code src/test/resources/synthea/SOURCE.md}), posted unmodified: taken in, each entry answered, the unscheduled
 * encounters kept as episodes and nothing that identifies the patient stored.
 */
@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class SyntheaIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AxonRuntime axon;
    @Inject
    MongoClient mongo;

    private static byte[] bundle(String name) throws IOException {
        try (InputStream in = SyntheaIntakeTest.class.getResourceAsStream("/synthea/" + name + ".json")) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gayle448-robel940", "omer483-larkin917", "kris249-monahan736", "alfredia958-hintz995"})
    void takesInARealEhrBundleAndKeepsItsUnscheduledEncountersAsEpisodes(String name) throws IOException {
        byte[] body = bundle(name);
        JsonNode source = JSON.readTree(body);
        long before = axon.engine().headPosition();

        String answer = given().header("Authorization", "Bearer " + TestTokens.forRole("association",
                "software-of-synthea", Map.of("association", "sos-synthea"))).contentType("application/fhir+json")
                .body(body).post("/fhir").then().statusCode(200).extract().asString();

        assertThat(FhirR4Validator.errors(answer)).isEmpty();
        JsonNode response = JSON.readTree(answer);
        assertThat(response.get("entry")).hasSize(source.get("entry").size());
        List<Object> events = axon.engine().readEvents(new GlobalSequenceTrackingToken(before), false)
                .map(e -> (Object) e.getPayload()).toList();
        List<EpisodeOpenedEvent> episodes = of(events, EpisodeOpenedEvent.class);
        List<JsonNode> unscheduled = new ArrayList<>();
        for (int i = 0; i < source.get("entry").size(); i++) {
            JsonNode resource = source.get("entry").get(i).get("resource");
            if ("Encounter".equals(resource.get("resourceType").asText())) {
                boolean outside = "IMP".equals(resource.get("class").get("code").asText())
                        || resource.path("type").findValuesAsText("code").stream()
                                .anyMatch(c -> List.of("410620009", "162673000", "185349003").contains(c));
                String status = response.get("entry").get(i).get("response").get("status").asText();
                assertThat(status).as("entry %d", i).isEqualTo(outside ? "200 OK" : "201 Created");
                if (!outside) {
                    unscheduled.add(resource);
                }
            }
        }
        assertThat(episodes).hasSize(unscheduled.size()).allSatisfy(e -> {
            assertThat(e.departement()).as("the association's territory (test profile), never the US ZIP code")
                    .isEqualTo("75");
            assertThat(e.residence()).isEqualTo("abroad");
        });
        if (!episodes.isEmpty()) {
            assertThat(of(events, DiagnosisRecordedEvent.class)).flatExtracting(DiagnosisRecordedEvent::codings)
                    .allSatisfy(c -> assertThat(c.system()).isEqualTo(FhirSystems.SNOMED_CT));
        }
        assertThat(of(events, VitalSignRecordedEvent.class)).allSatisfy(v -> assertThat(v.code().system())
                .isEqualTo(FhirSystems.LOINC));
        if (name.startsWith("kris249")) {
            assertThat(of(events, LaboratoryResultRecordedEvent.class)).isNotEmpty();
            assertThat(of(events, PrescriptionRecordedEvent.class)).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.medication()).isNotEmpty());
        }
        if (name.startsWith("omer483")) {
            assertThat(of(events, OutcomeRecordedEvent.class)).isNotEmpty()
                    .allSatisfy(o -> assertThat(o.disposition()).hasToString("HOME"));
        }

        JsonNode patient = source.get("entry").get(0).get("resource");
        List<String> identifying = new ArrayList<>();
        patient.get("identifier").forEach(i -> identifying.add(i.get("value").asText()));
        identifying.add(patient.get("name").get(0).get("family").asText());
        identifying.add(patient.get("address").get(0).get("line").get(0).asText());
        identifying.add(patient.get("telecom").get(0).get("value").asText());
        unscheduled.forEach(e -> identifying.add(e.get("id").asText()));
        assertThat(StoredText.occurrencesOf(mongo, identifying)).isEmpty();
    }

    private static <T> List<T> of(List<Object> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

}
