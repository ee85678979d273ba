package fr.contact.eds.episodes.rebuild.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Sorts;
import fr.contact.eds.episodes.episodes.EpisodeSlots;
import fr.contact.eds.ingestion.api.Code;
import fr.contact.eds.ingestion.api.DiagnosisRecordedEvent;
import fr.contact.eds.ingestion.api.Disposition;
import fr.contact.eds.ingestion.api.EncounterClass;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.api.OutcomeRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.config.PlatformConfig;
import fr.contact.eds.platform.consistency.ProjectionBarrier;
import fr.contact.eds.platform.crypto.SubjectKeys;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.testing.AccessRecordRefusal;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class ProjectionAdminResourceTest {

    @Inject
    EpisodeSlots slots;
    @Inject
    EventStore eventStore;
    @Inject
    SubjectKeys keys;
    @Inject
    ProjectionBarrier barrier;
    @Inject
    MongoClient mongo;
    @Inject
    PlatformConfig config;

    private void randomIngest(Random random, int episodes) {
        Instant base = Instant.parse("2026-02-01T08:00:00Z");
        for (int i = 0; i < episodes; i++) {
            String episodeId = "rb-" + UUID.randomUUID();
            String patient = "v1.rb-" + random.nextInt(episodes / 2 + 1);
            Instant at = base.plusSeconds(random.nextInt(30 * 86_400));
            List<Object> events = new ArrayList<>(List.of(
                    new EpisodeOpenedEvent(new EpisodeId(episodeId), "sos-rb", new PatientPseudonym(patient), 1,
                            keys.keyIdFor(patient), "M",
                            random.nextInt(90), "15-44", 1990, String.format("%02d", 1 + random.nextInt(95)), at),
                    new EncounterRecordedEvent(new EpisodeId(episodeId), EncounterClass.values()[random.nextInt(3)], at,
                            at.plusSeconds(600 + random.nextInt(3600)), null, "v1.practitioner", "associate"),
                    new DiagnosisRecordedEvent(new EpisodeId(episodeId), "dx",
                            List.of(new Code("http://hl7.org/fhir/sid/icpc-2",
                                    List.of("R80", "D73", "R74", "A88").get(random.nextInt(4))))),
                    new OutcomeRecordedEvent(new EpisodeId(episodeId), Disposition.values()[random.nextInt(3)], at)));
            java.util.Collections.shuffle(events, random);
            events.forEach(e -> eventStore.publish(GenericEventMessage.asEventMessage(e)));
        }
    }

    private List<Document> liveEpisodes(int generation) {
        String name = generation == 0 ? "episodes" : "episodes-g" + generation;
        return mongo.getDatabase(config.readModel().database()).getCollection(name).find()
                .sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private JsonPath projections() {
        return given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN)).get("/admin/projections")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void rebuildsAModelIdenticalToTheLiveOneWhileItKeepsServing() throws InterruptedException {
        randomIngest(new Random(7), 60);
        assertThat(barrier.awaitHead(slots.serving(), Duration.ofSeconds(15))).isTrue();
        int before = projections().getInt("[0].liveGeneration");
        List<Document> live = liveEpisodes(before);

        given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN))
                .post("/admin/projections/episodes/rebuild").then().statusCode(202)
                .body("rebuildingGeneration", equalTo(before + 1));
        given().header("Authorization", TestTokens.bearer(Roles.DATA_STEWARD)).get("/episodes").then()
                .statusCode(200);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (projections().get("[0].rebuildingGeneration") != null && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(projections().getInt("[0].liveGeneration")).isEqualTo(before + 1);
        assertThat(liveEpisodes(before + 1)).isEqualTo(live);
    }

    /**
     * What a replica holding segments of the standby slot looks like from here: its claim on the token store. The
     * request is recorded; nothing is reset or emptied until the claim is released, and the live model serves.
     */
    @Test
    void aRebuildAskedWhileAnotherReplicaHoldsTheStandbySlotWaitsForItAndEmptiesNothing() throws Exception {
        randomIngest(new Random(11), 20);
        assertThat(barrier.awaitHead(slots.serving(), Duration.ofSeconds(15))).isTrue();
        int before = projections().getInt("[0].liveGeneration");
        String standby = slots.projections().stream().map(p -> p.slot()).filter(s -> !s.equals(slots.serving()))
                .findFirst().orElseThrow();
        var tokens = mongo.getDatabase(config.readModel().database()).getCollection("trackingtokens");
        var claim = new Document("processorName", standby).append("segment", 0);
        tokens.updateOne(claim, new Document("$set", new Document("owner", "other-replica")
                .append("timestamp", System.currentTimeMillis())), new com.mongodb.client.model.UpdateOptions()
                        .upsert(true));
        List<Document> live = liveEpisodes(before);
        try {
            given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN))
                    .post("/admin/projections/episodes/rebuild").then().statusCode(202)
                    .body("phase", equalTo("RESETTING")).body("rebuildingProcessor", equalTo(standby));
            Thread.sleep(1500);

            JsonPath waiting = projections();
            assertThat(waiting.getString("[0].phase")).isEqualTo("RESETTING");
            assertThat(waiting.getList("[0].waitingFor", String.class)).containsExactly("other-replica");
            assertThat(liveEpisodes(before)).as("the live generation still serves, whole").isEqualTo(live);
            fr.contact.eds.testing.Management.given().get("/q/health/ready").then().statusCode(200);
        } finally {
            tokens.updateOne(claim, new Document("$set", new Document("owner", null)));
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (projections().get("[0].rebuildingGeneration") != null && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(projections().getInt("[0].liveGeneration")).isEqualTo(before + 1);
        assertThat(projections().getString("[0].liveProcessor")).isEqualTo(standby);
        assertThat(slots.serving()).isEqualTo(standby);
        assertThat(liveEpisodes(before + 1)).isEqualTo(live);
    }

    @Test
    void startsNoRebuildWhenItCannotBeRecordedAsAnAccess() {
        int live = projections().getInt("[0].liveGeneration");
        try (var refusal = AccessRecordRefusal.refuseAccessRecords(eventStore)) {
            given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN))
                    .post("/admin/projections/episodes/rebuild").then().statusCode(500);
        }
        assertThat(projections().get("[0].rebuildingGeneration") == null).isTrue();
        assertThat(projections().getInt("[0].liveGeneration")).isEqualTo(live);
    }

    @Test
    void sendsAGenericReplayOfEitherSlotToTheRebuildInsteadOfReplayingTheLiveModelInPlace() {
        for (String slot : List.of("episodes", "episodes-b")) {
            given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN))
                    .post("/admin/processors/" + slot + "/replay").then().statusCode(409)
                    .body("detail", org.hamcrest.Matchers.containsString("/admin/projections/episodes/rebuild"));
        }
        assertThat(projections().get("[0].rebuildingGeneration") == null).isTrue();
    }

    @Test
    void refusesAnUnknownProjectionAndCallersWhoAreNotPlatformAdmins() {
        given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN))
                .post("/admin/projections/nothing/rebuild").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(Roles.DATA_STEWARD))
                .post("/admin/projections/episodes/rebuild").then().statusCode(403);
    }
}
