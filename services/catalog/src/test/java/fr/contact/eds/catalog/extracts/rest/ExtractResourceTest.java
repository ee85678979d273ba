package fr.contact.eds.catalog.extracts.rest;

import static fr.contact.eds.catalog.CatalogFixture.approvedProject;
import static fr.contact.eds.catalog.CatalogFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import fr.contact.eds.catalog.projects.ProjectProjection;
import fr.contact.eds.consent.api.Channel;
import fr.contact.eds.consent.api.DecisionOrigin;
import fr.contact.eds.consent.api.OppositionRegisteredEvent;
import fr.contact.eds.ingestion.api.EncounterClass;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.consistency.ProjectionBarrier;
import fr.contact.eds.platform.crypto.SubjectKeys;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.testing.ContactTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class ExtractResourceTest {

    @Inject
    EventStore eventStore;
    @Inject
    SubjectKeys keys;
    @Inject
    ProjectionBarrier barrier;
    @Inject
    AxonRuntime axon;

    private String activeProject(String owner) {
        String projectId = approvedProject(owner, "\"person.sex\", \"person.yearOfBirth\", \"visit.modality\"",
                "\"" + owner + "\"");
        as(Roles.RESEARCHER, owner).post("/projects/" + projectId + "/activation").then().statusCode(200);
        assertThat(barrier.awaitHead(ProjectProjection.PROCESSOR, Duration.ofSeconds(10))).isTrue();
        return projectId;
    }

    private String patientWithAVisit() {
        String patient = "v1." + UUID.randomUUID();
        String episodeId = "ep-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-04-02T20:00:00Z");
        eventStore.publish(GenericEventMessage
                .asEventMessage(
                        new EpisodeOpenedEvent(new EpisodeId(episodeId), "sos-cat", new PatientPseudonym(patient), 1,
                                keys.keyIdFor(patient), "M", 30, "15-44", 1996, "69", at)));
        eventStore.publish(GenericEventMessage.asEventMessage(new EncounterRecordedEvent(new EpisodeId(episodeId),
                EncounterClass.TELECONSULTATION, at, at.plusSeconds(600), null, null, null)));
        return patient;
    }

    /** Requests an extract and waits for it to finish; returns the finished job. */
    private JsonPath extract(String owner, String projectId) throws InterruptedException {
        String location = as(Roles.RESEARCHER, owner).post("/projects/" + projectId + "/extracts").then()
                .statusCode(202).extract().header("Location");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonPath job;
        do {
            Thread.sleep(100);
            job = as(Roles.RESEARCHER, owner).get(location).then().statusCode(200).extract().jsonPath();
        } while (List.of("queued", "running").contains(job.getString("status")) && System.nanoTime() < deadline);
        assertThat(job.getString("status")).as(job.prettify()).isEqualTo("completed");
        return job;
    }

    private List<AccessRecordedEvent> accessesSince(long position) {
        return axon.engine().readEvents(new GlobalSequenceTrackingToken(position), false).map(m -> m.getPayload())
                .filter(AccessRecordedEvent.class::isInstance).map(AccessRecordedEvent.class::cast).toList();
    }

    @Test
    void buildsAnExtractWithAManifestAndRecordsEveryPatientInIt() throws Exception {
        String owner = "researcher-" + UUID.randomUUID();
        String projectId = activeProject(owner);
        String patient = patientWithAVisit();
        long before = axon.engine().headPosition();

        JsonPath job = extract(owner, projectId);
        assertThat(job.getList("manifest.files.name", String.class)).hasSize(13).contains("PERSON.csv",
                "MEASUREMENT.csv", "DEATH.csv",
                "OBSERVATION_PERIOD.csv");
        assertThat(job.getInt("manifest.includedPersons")).isPositive();
        String person = as(Roles.RESEARCHER, owner).get("/projects/" + projectId + "/extracts/"
                + job.getString("extractId") + "/files/PERSON.csv").then().statusCode(200).extract().asString();
        String sha = job.getString("manifest.files.find { it.name == 'PERSON.csv' }.sha256");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(person.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).isEqualTo(sha);
        assertThat(person).doesNotContain(patient);
        assertThat(accessesSince(before)).anySatisfy(a -> {
            assertThat(a.resourceKind()).isEqualTo("OmopExtract");
            assertThat(a.patientPseudonyms()).contains(patient);
            assertThat(a.organisation()).isEqualTo(projectId);
        });
    }

    @Test
    void leavesOutAPatientWhoOpposedBeforeTheRequest() throws Exception {
        String owner = "researcher-" + UUID.randomUUID();
        String projectId = activeProject(owner);
        String patient = patientWithAVisit();
        int before = extract(owner, projectId).getInt("manifest.includedPersons");

        eventStore.publish(GenericEventMessage.asEventMessage(new OppositionRegisteredEvent(
                new PatientPseudonym(patient), List.of(new PatientPseudonym(patient)),
                "d-" + patient, "OPP-1", Instant.now(), new DecisionOrigin("patient", Channel.ONLINE, null, null))));
        long requested = axon.engine().headPosition();
        JsonPath after = extract(owner, projectId);
        assertThat(after.getLong("requestPosition")).isGreaterThanOrEqualTo(requested);
        assertThat(after.getInt("manifest.includedPersons")).isEqualTo(before - 1);
        assertThat(after.getLong("manifest.excludedPersons")).isPositive();
    }

    @Test
    void refusesOthersAndEndedPermits() throws Exception {
        String owner = "researcher-" + UUID.randomUUID();
        String projectId = activeProject(owner);
        String extractId = extract(owner, projectId).getString("extractId");
        long before = axon.engine().headPosition();

        // 404 as for a project that does not exist: its existence is not told to those outside it.
        as(Roles.RESEARCHER, "intruder").post("/projects/" + projectId + "/extracts").then().statusCode(404);
        as(Roles.RESEARCHER, "intruder").get("/projects/" + projectId + "/extracts/" + extractId + "/files/PERSON.csv")
                .then().statusCode(404);
        as(Roles.RESEARCHER, "intruder").post("/projects/prj-nope/extracts").then().statusCode(404);
        assertThat(accessesSince(before)).anySatisfy(a -> {
            assertThat(a.actorSubject()).isEqualTo("intruder");
            assertThat(a.outcome()).isEqualTo(AccessOutcome.DENIED);
        });

        as(Roles.RESEARCHER, owner).body("{\"resultsSummary\": \"done\"}").post("/projects/" + projectId + "/closing")
                .then().statusCode(200);
        assertThat(barrier.awaitHead(ProjectProjection.PROCESSOR, Duration.ofSeconds(10))).isTrue();
        as(Roles.RESEARCHER, owner).get("/projects/" + projectId + "/extracts/" + extractId + "/files/PERSON.csv")
                .then().statusCode(410);
        as(Roles.RESEARCHER, owner).post("/projects/" + projectId + "/extracts").then().statusCode(410);
    }

    @Test
    void refusesAnExtractBeforeTheProjectIsActive() {
        String owner = "researcher-" + UUID.randomUUID();
        String projectId = approvedProject(owner, "\"person.sex\", \"person.yearOfBirth\"", "");
        assertThat(barrier.awaitHead(ProjectProjection.PROCESSOR, Duration.ofSeconds(10))).isTrue();
        as(Roles.RESEARCHER, owner).post("/projects/" + projectId + "/extracts").then().statusCode(409)
                .body("field", equalTo("state"));
    }

}
