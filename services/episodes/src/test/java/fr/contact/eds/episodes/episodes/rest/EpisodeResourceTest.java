package fr.contact.eds.episodes.episodes.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import fr.contact.eds.consent.api.Channel;
import fr.contact.eds.consent.api.DecisionOrigin;
import fr.contact.eds.consent.api.OppositionRegisteredEvent;
import fr.contact.eds.episodes.episodes.EpisodeSlots;
import fr.contact.eds.ingestion.api.CallReceivedEvent;
import fr.contact.eds.ingestion.api.EncounterClass;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.consistency.ProjectionBarrier;
import fr.contact.eds.platform.crypto.SubjectKeys;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.testing.AccessRecordRefusal;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class EpisodeResourceTest {

    @Inject
    EpisodeSlots slots;
    @Inject
    EventStore eventStore;
    @Inject
    SubjectKeys keys;
    @Inject
    AxonRuntime axon;
    @Inject
    ProjectionBarrier barrier;

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    private static RequestSpecification asAssociation(String association) {
        return given().header("Authorization", "Bearer " + TestTokens.forRole(Roles.ASSOCIATION, "software",
                Map.of("association", association)));
    }

    /** Publishes an opened episode (as ingestion would) and waits until the projection has it. */
    private String episodeOf(String patient, String association, String departement) {
        String episodeId = "ep-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-01-15T20:40:00Z");
        publish(new EpisodeOpenedEvent(new EpisodeId(episodeId), association, new PatientPseudonym(patient), 1,
                keys.keyIdFor(patient),
                "F", 70, "65-74",
                1955, departement, at));
        publish(new EncounterRecordedEvent(new EpisodeId(episodeId), EncounterClass.CONSULTATION, at,
                at.plusSeconds(900), null,
                "v1.practitioner", "associate"));
        return episodeId;
    }

    private void publish(Object event) {
        eventStore.publish(GenericEventMessage.asEventMessage(event));
    }

    private void projected() {
        assertThat(barrier.awaitHead(slots.serving(), Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void findsEpisodesByFilterAndRecordsWhoSawWhichPatients() {
        String patient = "v1." + UUID.randomUUID();
        String episodeId = episodeOf(patient, "sos-lyon", "69");
        projected();
        long before = axon.engine().headPosition();

        as(Roles.DATA_STEWARD).queryParam("departement", "69").queryParam("modality", "CONSULTATION")
                .get("/episodes").then().statusCode(200)
                .body("episodes.episodeId", hasItem(episodeId))
                .body("episodes.find { it.episodeId == '" + episodeId + "' }.timings.visitMinutes", equalTo(15))
                .body("episodes.find { it.episodeId == '" + episodeId + "' }.practitionerRole", equalTo("associate"))
                .body("episodes.find { it.episodeId == '" + episodeId + "' }.practitionerPseudonym",
                        equalTo("v1.practitioner"));

        assertThat(axon.engine().readEvents(new GlobalSequenceTrackingToken(before), false).map(e -> e.getPayload())
                .filter(AccessRecordedEvent.class::isInstance).map(AccessRecordedEvent.class::cast))
                .anySatisfy(a -> {
                    assertThat(a.actorRole()).isEqualTo(Roles.DATA_STEWARD);
                    assertThat(a.patientPseudonyms()).contains(patient);
                });
    }

    @Test
    void revealsNoEpisodeWhenTheAccessCannotBeRecorded() {
        String patient = "v1." + UUID.randomUUID();
        String episodeId = episodeOf(patient, "sos-lyon", "69");
        projected();
        try (var refusal = AccessRecordRefusal.refuseAccessRecords(eventStore)) {
            as(Roles.DATA_STEWARD).get("/episodes/" + episodeId).then().statusCode(500)
                    .body(not(containsString(patient)));
            as(Roles.DATA_STEWARD).queryParam("departement", "69").get("/episodes").then().statusCode(500)
                    .body(not(containsString(episodeId)));
            as(Roles.DPO).get("/patients/" + patient + "/episodes").then().statusCode(500)
                    .body(not(containsString(episodeId)));
        }
    }

    @Test
    void pagesInTheOrderAskedAndKeepsACursorToItsOrder() {
        String departement = "2A";
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String episodeId = "ep-" + UUID.randomUUID();
            Instant at = Instant.parse("2026-02-0" + (i + 1) + "T10:00:00Z");
            String patient = "v1." + UUID.randomUUID();
            publish(new EpisodeOpenedEvent(new EpisodeId(episodeId), "sos-ajaccio", new PatientPseudonym(patient), 1,
                    keys.keyIdFor(patient), "F", 30,
                    "25-44", 1996, departement, at));
            ids.add(episodeId);
        }
        projected();

        String next = as(Roles.DATA_STEWARD).queryParam("association", "sos-ajaccio")
                .queryParam("departement", departement).queryParam("sort", "openedAt")
                .queryParam("limit", 2).get("/episodes").then().statusCode(200)
                .body("episodes.episodeId", equalTo(ids.subList(0, 2))).extract().path("next");
        as(Roles.DATA_STEWARD).queryParam("association", "sos-ajaccio").queryParam("departement", departement)
                .queryParam("sort", "openedAt")
                .queryParam("limit", 2).queryParam("cursor", next).get("/episodes").then().statusCode(200)
                .body("episodes.episodeId", equalTo(ids.subList(2, 3))).body("next", equalTo(null));
        as(Roles.DATA_STEWARD).queryParam("association", "sos-ajaccio").queryParam("departement", departement)
                .queryParam("limit", 3).get("/episodes").then()
                .statusCode(200).body("episodes.episodeId", equalTo(List.of(ids.get(2), ids.get(1), ids.get(0))));
        as(Roles.DATA_STEWARD).queryParam("association", "sos-ajaccio").queryParam("departement", departement)
                .queryParam("sort", "-openedAt")
                .queryParam("cursor", next).get("/episodes").then().statusCode(400).body("field", equalTo("cursor"));
    }

    @Test
    void showsACallThatEndedWithAdviceAsAnAdviceOnlyEpisode() {
        String episodeId = "ep-" + UUID.randomUUID();
        String patient = "v1." + UUID.randomUUID();
        Instant at = Instant.parse("2026-01-16T02:12:00Z");
        publish(new EpisodeOpenedEvent(new EpisodeId(episodeId), "sos-brest", new PatientPseudonym(patient), 1,
                keys.keyIdFor(patient),
                "F", 3, "2-14",
                2022, "29", at));
        publish(new CallReceivedEvent(new EpisodeId(episodeId), at, List.of(), "P3", "advice"));
        String visit = episodeOf("v1." + UUID.randomUUID(), "sos-brest", "29");
        projected();

        as(Roles.DATA_STEWARD).queryParam("association", "sos-brest").queryParam("modality", "ADVICE_ONLY")
                .get("/episodes").then().statusCode(200).body("episodes.episodeId", equalTo(List.of(episodeId)))
                .body("episodes[0].modality", equalTo("ADVICE_ONLY"))
                .body("episodes[0].call.regulationDecision", equalTo("advice"));
        as(Roles.DATA_STEWARD).queryParam("association", "sos-brest").queryParam("modality", "CONSULTATION")
                .get("/episodes").then().statusCode(200).body("episodes.episodeId", equalTo(List.of(visit)));
    }

    @Test
    void showsAnAssociationItsOwnEpisodesOnly() {
        String mine = episodeOf("v1." + UUID.randomUUID(), "sos-mine", "13");
        String theirs = episodeOf("v1." + UUID.randomUUID(), "sos-theirs", "13");
        projected();

        asAssociation("sos-mine").get("/episodes").then().statusCode(200)
                .body("episodes.episodeId", hasItem(mine)).body("episodes.episodeId", not(hasItem(theirs)));
        asAssociation("sos-mine").get("/episodes/" + theirs).then().statusCode(404);
        asAssociation("sos-mine").queryParam("association", "sos-theirs").get("/episodes").then().statusCode(403);
    }

    @Test
    void hidesAnOpposedPatientOnEveryPath() {
        String patient = "v1." + UUID.randomUUID();
        String episodeId = episodeOf(patient, "sos-nice", "06");
        publish(new OppositionRegisteredEvent(new PatientPseudonym(patient), List.of(new PatientPseudonym(patient)),
                "d-1", "OPP-1", Instant.now(),
                new DecisionOrigin("patient", Channel.ONLINE, null, null)));
        projected();

        as(Roles.DPO).get("/episodes/" + episodeId).then().statusCode(404);
        as(Roles.DPO).get("/patients/" + patient + "/episodes").then().statusCode(200).body("size()", equalTo(0));
        as(Roles.DPO).queryParam("association", "sos-nice").get("/episodes").then().statusCode(200)
                .body("episodes.episodeId", not(hasItem(episodeId)));
    }

    @Test
    void refusesBadInputNamingTheFieldAndCallersWithoutTheRightRole() {
        as(Roles.DATA_STEWARD).queryParam("from", "yesterday").get("/episodes").then().statusCode(400)
                .body("field", equalTo("from"));
        // Once a 500 "long overflow": a date no care data can have is refused before any arithmetic.
        as(Roles.DATA_STEWARD).queryParam("from", "+999999999-12-31T00:00:00Z").get("/episodes").then()
                .statusCode(400).body("field", equalTo("from"));
        // No receipt can name a position the store never reached: 400 at once, not a 2 s wait and a 503.
        as(Roles.DATA_STEWARD).queryParam("after", Long.MAX_VALUE).get("/episodes").then().statusCode(400)
                .body("field", equalTo("after"));
        as(Roles.DATA_STEWARD).queryParam("modality", "HELICOPTER").get("/episodes").then().statusCode(400)
                .body("field", equalTo("modality"));
        as(Roles.DATA_STEWARD).queryParam("cursor", "not-a-cursor").get("/episodes").then().statusCode(400)
                .body("field", equalTo("cursor"));
        as(Roles.DATA_STEWARD).queryParam("limit", 0).get("/episodes").then().statusCode(400)
                .body("field", equalTo("limit"));
        as(Roles.DATA_STEWARD).queryParam("sort", "arrival").get("/episodes").then().statusCode(400)
                .body("field", equalTo("sort"));
        as(Roles.RESEARCHER).get("/episodes").then().statusCode(400).body("field", equalTo("project"));
        as(Roles.RESEARCHER).queryParam("project", "no-such-project").get("/episodes").then().statusCode(403);
        as(Roles.PATIENT).get("/episodes").then().statusCode(403);
        given().get("/episodes").then().statusCode(401);
    }
}
