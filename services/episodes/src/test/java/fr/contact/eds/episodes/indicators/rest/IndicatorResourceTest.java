package fr.contact.eds.episodes.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import fr.contact.eds.episodes.episodes.EpisodeSlots;
import fr.contact.eds.ingestion.api.Code;
import fr.contact.eds.ingestion.api.DiagnosisRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.consistency.ProjectionBarrier;
import fr.contact.eds.platform.crypto.SubjectKeys;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class IndicatorResourceTest {

    /** 3 March 2025, in Corsica: a day and place no other test uses. */
    private static final Instant DAY = Instant.parse("2025-03-03T10:00:00Z");
    private static boolean seeded;

    @Inject
    EpisodeSlots slots;
    @Inject
    EventStore eventStore;
    @Inject
    SubjectKeys keys;
    @Inject
    ProjectionBarrier barrier;

    private void episode(String icpc2) {
        String episodeId = "ind-" + UUID.randomUUID();
        String patient = "v1." + UUID.randomUUID();
        eventStore.publish(
                GenericEventMessage.asEventMessage(new EpisodeOpenedEvent(new EpisodeId(episodeId), "sos-ajaccio",
                        new PatientPseudonym(patient), 1, keys.keyIdFor(patient), "M", 30, "15-44", 1995, "2A", DAY)));
        eventStore.publish(GenericEventMessage.asEventMessage(new DiagnosisRecordedEvent(new EpisodeId(episodeId), "dx",
                List.of(new Code("http://hl7.org/fhir/sid/icpc-2", icpc2)))));
    }

    @BeforeEach
    void twelveInfluenzaAndThreeAsthma() {
        if (!seeded) {
            for (int i = 0; i < 12; i++) {
                episode("R80");
            }
            for (int i = 0; i < 3; i++) {
                episode("R96");
            }
            seeded = true;
        }
        assertThat(barrier.awaitHead(slots.serving(), Duration.ofSeconds(10))).isTrue();
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).queryParam("from", "2025-03-03")
                .queryParam("to", "2025-03-03");
    }

    @Test
    void givesTheDataStewardExactCounts() {
        as(Roles.DATA_STEWARD).get("/indicators/daily").then().statusCode(200)
                .body("smallCountsSuppressed", equalTo(false))
                .body("syndromeDefinitions", equalTo("v1"))
                .body("rows.find { it.syndrome == 'influenza-like-illness' }.episodes", equalTo(12))
                .body("rows.find { it.syndrome == 'asthma' }.episodes", equalTo(3))
                .body("rows.find { it.syndrome == 'asthma' }.allEpisodes", equalTo(15))
                .body("rows.find { it.syndrome == 'asthma' }.share", equalTo(0.2f));
    }

    @Test
    void suppressesCountsFromOneToTenForEveryoneElse() {
        as(Roles.RESEARCHER).get("/indicators/daily").then().statusCode(200)
                .body("smallCountsSuppressed", equalTo(true))
                .body("rows.find { it.syndrome == 'influenza-like-illness' }.episodes", equalTo(12))
                .body("rows.find { it.syndrome == 'asthma' }.episodes", equalTo("<11"))
                .body("rows.find { it.syndrome == 'asthma' }.share", equalTo(""));
    }

    @Test
    void answersInCsvForTheSurveillanceFeed() {
        String csv = as(Roles.CSE_MEMBER).accept("text/csv").get("/indicators/weekly").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();

        assertThat(csv.lines().findFirst()).hasValue("period,syndrome,departement,ageBand,episodes,allEpisodes,share");
        assertThat(csv).contains("2025-W10,asthma,2A,15-44,<11,15,");
    }

    @Test
    void refusesABadDateNamingTheFieldAndCallersWithoutARole() {
        given().header("Authorization", TestTokens.bearer(Roles.DATA_STEWARD)).queryParam("from", "03/03/2025")
                .get("/indicators/daily").then().statusCode(400).body("field", equalTo("from"));
        given().header("Authorization", TestTokens.bearer(Roles.DATA_STEWARD)).queryParam("to", "+999999999-12-31")
                .get("/indicators/daily").then().statusCode(400).body("field", equalTo("to"));
        given().header("Authorization", TestTokens.bearer(Roles.PATIENT)).get("/indicators/daily").then()
                .statusCode(403);
    }
}
