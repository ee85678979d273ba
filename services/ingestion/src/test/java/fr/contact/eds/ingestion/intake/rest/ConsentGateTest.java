package fr.contact.eds.ingestion.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.mongodb.client.MongoClient;
import fr.contact.eds.consent.api.Channel;
import fr.contact.eds.consent.api.DecisionOrigin;
import fr.contact.eds.consent.api.OppositionRegisteredEvent;
import fr.contact.eds.consent.api.OppositionWithdrawnEvent;
import fr.contact.eds.ingestion.api.BundleAcceptedEvent;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.gate.OppositionGate;
import fr.contact.eds.ingestion.imports.rest.ImportJobsTest;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.config.PlatformConfig;
import fr.contact.eds.platform.crypto.SubjectKeys;
import fr.contact.eds.pseudonymisation.PatientIdentity;
import fr.contact.eds.pseudonymisation.Pseudonymiser;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class ConsentGateTest {

    private static final DecisionOrigin ONLINE = new DecisionOrigin("patient", Channel.ONLINE, null, null);

    @Inject
    AxonRuntime axon;
    @Inject
    EventStore eventStore;
    @Inject
    Pseudonymiser pseudonymiser;
    @Inject
    SubjectKeys subjectKeys;
    @Inject
    MongoClient mongo;
    @Inject
    PlatformConfig config;
    @Inject
    fr.contact.eds.platform.consistency.DeadLetterGate deadLetterGate;

    /** A fresh, valid qualified INS for a woman born in August 1955, like the example patient. */
    private static String newIns() {
        String nir = "2550814" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        return nir + String.format("%02d", 97 - Long.parseLong(nir) % 97);
    }

    /** The example bundle for another patient: this INS and family name, a fresh bundle identifier. */
    private static String bundleOf(String ins, String familyName) throws IOException {
        try (InputStream in = ConsentGateTest.class.getResourceAsStream("/bundles/home-visit.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("B-2026-000123",
                    "B-" + UUID.randomUUID()).replace("255081416802538", ins).replace("Lefèvre-Dupont", familyName);
        }
    }

    private static String familyName() {
        return "Gate" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    private static Response post(String bundle) {
        return given().header("Authorization", "Bearer " + TestTokens.forRole("association", "software",
                Map.of("association", "sos-gate"))).contentType("application/fhir+json")
                .body(bundle.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/fhir");
    }

    private void oppose(PatientIdentity identity) {
        List<PatientPseudonym> pseudonyms = pseudonymiser.everyPseudonymOf(identity);
        decide(pseudonyms.get(0).value(), 0,
                new OppositionRegisteredEvent(pseudonyms.get(0), pseudonyms, UUID.randomUUID().toString(),
                        "OPP-1", Instant.now(), ONLINE));
    }

    private void withdraw(PatientIdentity identity) {
        List<PatientPseudonym> pseudonyms = pseudonymiser.everyPseudonymOf(identity);
        decide(pseudonyms.get(0).value(), 1,
                new OppositionWithdrawnEvent(pseudonyms.get(0), pseudonyms, UUID.randomUUID().toString(), "WDR-1",
                        Instant.now(), ONLINE));
    }

    /**
     * As the consent service stores them: events of the patient's consent aggregate, so that the gate, sequencing per
     * aggregate over its segments, applies a registration and its withdrawal in order.
     */
    private void decide(String patient, long sequence, Object decision) {
        eventStore.publish(new GenericDomainEventMessage<>("PatientConsent", patient, sequence, decision));
    }

    private List<Object> storedSince(long position) {
        return axon.engine().readEvents(new GlobalSequenceTrackingToken(position), false)
                .map(e -> (Object) e.getPayload()).toList();
    }

    @Test
    void storesNothingWhileTheOppositionGateHoldsDeadLetters() throws Exception {
        org.axonframework.messaging.deadletter.SequencedDeadLetterQueue<org.axonframework.eventhandling.EventMessage<?>> queue = axon
                .configuration()
                .eventProcessingConfiguration().<org.axonframework.eventhandling.EventMessage<?>>deadLetterQueue(
                        fr.contact.eds.ingestion.gate.OppositionGate.PROCESSOR)
                .orElseThrow();
        String sequence = "parked-" + UUID.randomUUID();
        queue.enqueue(sequence, new org.axonframework.messaging.deadletter.GenericDeadLetter<>(sequence,
                org.axonframework.eventhandling.GenericEventMessage.asEventMessage("a parked opposition"),
                new IllegalStateException("poison")));
        try {
            awaitGate(true);
            long before = axon.engine().headPosition();
            post(bundleOf(newIns(), familyName())).then().statusCode(503).body("issue[0].diagnostics",
                    org.hamcrest.Matchers.containsString("parked"));
            assertThat(storedSince(before)).noneMatch(EpisodeOpenedEvent.class::isInstance);
        } finally {
            queue.clear();
            awaitGate(false);
        }
    }

    /** The gate reads dead-letter counts at most once a second. */
    private void awaitGate(boolean closed) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (deadLetterGate.holdsAny(fr.contact.eds.ingestion.gate.OppositionGate.PROCESSOR) != closed
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(deadLetterGate.holdsAny(fr.contact.eds.ingestion.gate.OppositionGate.PROCESSOR))
                .isEqualTo(closed);
    }

    @Test
    void storesNothingOfAPatientWhoOpposedRightBeforeAndCountsTheEpisode() throws IOException {
        String ins = newIns();
        oppose(PatientIdentity.withIns(ins));
        long before = axon.engine().headPosition();

        post(bundleOf(ins, familyName())).then().statusCode(200);

        List<Object> stored = storedSince(before);
        assertThat(stored).noneMatch(EpisodeOpenedEvent.class::isInstance);
        assertThat(stored).filteredOn(BundleAcceptedEvent.class::isInstance).singleElement()
                .isInstanceOfSatisfying(BundleAcceptedEvent.class, accepted -> {
                    assertThat(accepted.droppedByOpposition()).isEqualTo(1);
                    assertThat(accepted.episodeIds()).isEmpty();
                });
        assertThat(stored).filteredOn(AccessRecordedEvent.class::isInstance).singleElement()
                .isInstanceOfSatisfying(AccessRecordedEvent.class, a -> assertThat(a.patientPseudonyms()).isEmpty());
        assertThat(mongo.getDatabase(config.eventStore().database()).getCollection("subjectKeys").find())
                .as("no key is made, nor filed under the pseudonym, for a patient who opposes")
                .allSatisfy(entry -> assertThat(entry.toJson())
                        .doesNotContain(PatientPseudonym.values(pseudonymiser.everyPseudonymOf(
                                PatientIdentity.withIns(ins)))));
    }

    @Test
    void takesTheDataInAgainOnceTheOppositionIsWithdrawn() throws IOException {
        String ins = newIns();
        oppose(PatientIdentity.withIns(ins));
        withdraw(PatientIdentity.withIns(ins));
        long before = axon.engine().headPosition();

        post(bundleOf(ins, familyName())).then().statusCode(200);

        assertThat(storedSince(before)).filteredOn(EpisodeOpenedEvent.class::isInstance).hasSize(1);
    }

    @Test
    void honoursAnOppositionRegisteredByTraitsWhenIntakeKnowsThePatientByIns() throws IOException {
        String family = familyName();
        oppose(PatientIdentity.withTraits(family, "Marie", LocalDate.of(1955, 8, 14),
                PatientIdentity.Sex.FEMALE, null));
        long before = axon.engine().headPosition();

        post(bundleOf(newIns(), family)).then().statusCode(200);

        assertThat(storedSince(before)).noneMatch(EpisodeOpenedEvent.class::isInstance);
    }

    @Test
    void countsTheBundlesOfOpposedPatientsInAnImportJob() throws Exception {
        String opposed = newIns();
        oppose(PatientIdentity.withIns(opposed));
        String ndjson = String.join("\n", bundleOf(opposed, familyName()).replaceAll("\\s*\\n\\s*", " "),
                bundleOf(newIns(), familyName()).replaceAll("\\s*\\n\\s*", " "));
        String token = "Bearer " + TestTokens.forRole("association", "software", Map.of("association", "sos-gate"));

        String url = given().header("Authorization", token).contentType("application/fhir+ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/fhir/$import").then().statusCode(202)
                .extract().path("url");

        var job = ImportJobsTest.waitUntilDone(token, url);
        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getInt("accepted")).isEqualTo(1);
        assertThat(job.getInt("skippedByOpposition")).isEqualTo(1);
    }

    @Test
    void keepsThePatientsIdentityAgeAndSexOnlyUntilTheirKeysAreDestroyed() throws IOException {
        String ins = newIns();
        long before = axon.engine().headPosition();
        post(bundleOf(ins, familyName())).then().statusCode(200);

        subjectKeys.erase(PatientPseudonym.values(pseudonymiser.everyPseudonymOf(PatientIdentity.withIns(ins))));

        assertThat(storedSince(before)).filteredOn(EpisodeOpenedEvent.class::isInstance).singleElement()
                .isInstanceOfSatisfying(EpisodeOpenedEvent.class, opened -> {
                    assertThat(opened.patientPseudonym()).isNull();
                    assertThat(opened.sex()).isNull();
                    assertThat(opened.ageYears()).isNull();
                    assertThat(opened.birthYear()).isNull();
                    assertThat(opened.ageBand()).isEqualTo("65-74");
                    assertThat(opened.departement()).isEqualTo("75");
                });
    }

    @Test
    void refusesAndStoresNothingWhileTheOppositionStateIsUnknown() throws IOException {
        StreamingEventProcessor gate = axon.configuration().eventProcessingConfiguration()
                .eventProcessor(OppositionGate.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        gate.shutDown();
        try {
            long before = axon.engine().headPosition();

            post(bundleOf(newIns(), familyName())).then().statusCode(503).header("Retry-After", equalTo("2"))
                    .body("issue[0].code", equalTo("transient"));

            assertThat(axon.engine().headPosition()).isEqualTo(before);
        } finally {
            gate.start();
        }
    }
}
