package fr.contact.eds.episodes.research;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import fr.contact.eds.catalog.api.Datasets;
import fr.contact.eds.catalog.api.Permit;
import fr.contact.eds.catalog.api.ProjectActivatedEvent;
import fr.contact.eds.catalog.api.ProjectApprovedEvent;
import fr.contact.eds.catalog.api.ProjectClosedEvent;
import fr.contact.eds.catalog.api.Variables;
import fr.contact.eds.consent.api.Channel;
import fr.contact.eds.consent.api.DecisionOrigin;
import fr.contact.eds.consent.api.ProjectOppositionRegisteredEvent;
import fr.contact.eds.consent.api.ProjectOppositionWithdrawnEvent;
import fr.contact.eds.episodes.episodes.EpisodeSlots;
import fr.contact.eds.ingestion.api.Disposition;
import fr.contact.eds.ingestion.api.EncounterClass;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.api.OutcomeRecordedEvent;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.config.PlatformConfig;
import fr.contact.eds.platform.consistency.ProjectionBarrier;
import fr.contact.eds.platform.crypto.SubjectKeys;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.pseudonymisation.ProjectPseudonyms;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

/** Researchers read episodes only through a permit in force, and only as their project may see them. */
@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class ResearchAccessTest {

    private static final Instant IN_PERIOD = Instant.parse("2026-01-15T20:40:00Z");
    private static final Instant AFTER_PERIOD = Instant.parse("2026-03-02T09:00:00Z");

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
    @Inject
    PlatformConfig config;

    private final String researcher = "researcher-" + UUID.randomUUID();

    private RequestSpecification asResearcher(String subject) {
        return given().header("Authorization", "Bearer " + TestTokens.forRole(Roles.RESEARCHER, subject, Map.of()));
    }

    private String project(boolean shiftDates, Consumer<String> lifecycle) {
        String projectId = "prj-" + UUID.randomUUID();
        publish(new ProjectApprovedEvent(projectId, new Permit("permit-" + projectId, List.of(researcher),
                List.of(Datasets.EPISODES), List.of(Variables.SEX, Variables.VISIT,
                        Variables.VISIT_TIMES),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), LocalDate.of(2099, 12, 31), shiftDates),
                Instant.now()));
        lifecycle.accept(projectId);
        return projectId;
    }

    private String activeProject(boolean shiftDates) {
        return project(shiftDates, id -> publish(new ProjectActivatedEvent(id, Instant.now())));
    }

    private String episodeOf(String patient, Instant at) {
        String episodeId = "ep-" + UUID.randomUUID();
        publish(new EpisodeOpenedEvent(new EpisodeId(episodeId), "sos-research", new PatientPseudonym(patient), 1,
                keys.keyIdFor(patient), "M", 34,
                "25-44", 1991, "33", at));
        publish(new EncounterRecordedEvent(new EpisodeId(episodeId), EncounterClass.HOME_VISIT, at,
                at.plusSeconds(1200), null,
                "v1.practitioner", "resident"));
        publish(new OutcomeRecordedEvent(new EpisodeId(episodeId), Disposition.HOME, at.plusSeconds(1200)));
        return episodeId;
    }

    private void publish(Object event) {
        eventStore.publish(GenericEventMessage.asEventMessage(event));
    }

    private void projected() {
        assertThat(barrier.awaitHead(slots.serving(), Duration.ofSeconds(10))).isTrue();
        assertThat(barrier.awaitHead(ProjectPermits.PROCESSOR, Duration.ofSeconds(10))).isTrue();
    }

    private ProjectPseudonyms pseudonyms(String projectId) {
        return new ProjectPseudonyms(Base64.getDecoder().decode(config.crypto().masterKey().orElseThrow().strip()),
                projectId);
    }

    private List<AccessRecordedEvent> accessesSince(long position) {
        return axon.engine().readEvents(new GlobalSequenceTrackingToken(position), false).map(e -> e.getPayload())
                .filter(AccessRecordedEvent.class::isInstance).map(AccessRecordedEvent.class::cast).toList();
    }

    @Test
    void readsThePermitsPeriodAndVariablesUnderTheProjectsOwnIdentifiers() {
        String projectId = activeProject(false);
        String patient = "v1." + UUID.randomUUID();
        String inPeriod = episodeOf(patient, IN_PERIOD);
        String outOfPeriod = episodeOf(patient, AFTER_PERIOD);
        projected();
        long before = axon.engine().headPosition();
        ProjectPseudonyms project = pseudonyms(projectId);

        asResearcher(researcher).queryParam("project", projectId).queryParam("departement", "33")
                .queryParam("association", "sos-research").get("/episodes").then().statusCode(200)
                .body("episodes.episodeId", hasItem(project.identifierOf("episode", inPeriod)))
                .body("episodes.episodeId", not(hasItem(project.identifierOf("episode", outOfPeriod))))
                .body("episodes.episodeId", not(hasItem(inPeriod)))
                .body("episodes.patientPseudonym", everyItem(not(equalTo(patient))))
                .body("episodes.find { it.patientPseudonym == '" + project.of(new PatientPseudonym(patient)).value()
                        + "' }.sex", equalTo("M"))
                .body("episodes.find { it.patientPseudonym == '" + project.of(new PatientPseudonym(patient)).value()
                        + "' }.modality",
                        equalTo("HOME_VISIT"))
                .body("episodes.find { it.patientPseudonym == '" + project.of(new PatientPseudonym(patient)).value()
                        + "' }.practitionerRole",
                        equalTo("resident"))
                .body("episodes.find { it.patientPseudonym == '" + project.of(new PatientPseudonym(patient)).value()
                        + "' }.practitionerPseudonym",
                        nullValue())
                .body("episodes.find { it.patientPseudonym == '" + project.of(new PatientPseudonym(patient)).value()
                        + "' }.outcome",
                        nullValue())
                .body("episodes.find { it.patientPseudonym == '" + project.of(new PatientPseudonym(patient)).value()
                        + "' }.ageBand",
                        nullValue());

        assertThat(accessesSince(before)).anySatisfy(a -> {
            assertThat(a.actorRole()).isEqualTo(Roles.RESEARCHER);
            assertThat(a.purpose()).isEqualTo("research project " + projectId);
            assertThat(a.patientPseudonyms()).as("the trail names the patient as the warehouse knows them")
                    .contains(patient);
            assertThat(a.outcome()).isEqualTo(AccessOutcome.SUCCESS);
        });
    }

    @Test
    void followsAnEpisodeAndAPatientByTheIdentifiersTheProjectWasShown() {
        String projectId = activeProject(false);
        String patient = "v1." + UUID.randomUUID();
        String first = episodeOf(patient, IN_PERIOD);
        String second = episodeOf(patient, IN_PERIOD.plus(1, ChronoUnit.DAYS));
        episodeOf(patient, AFTER_PERIOD);
        projected();
        ProjectPseudonyms project = pseudonyms(projectId);
        asResearcher(researcher).queryParam("project", projectId).get("/episodes").then().statusCode(200);

        asResearcher(researcher).queryParam("project", projectId)
                .get("/episodes/" + project.identifierOf("episode", first)).then().statusCode(200)
                .body("patientPseudonym", equalTo(project.of(new PatientPseudonym(patient)).value()));
        asResearcher(researcher).queryParam("project", projectId)
                .get("/patients/" + project.of(new PatientPseudonym(patient)).value() + "/episodes").then()
                .statusCode(200)
                .body("episodeId", equalTo(List.of(project.identifierOf("episode", first),
                        project.identifierOf("episode", second))))
                .body("[1].returnWithin72h", equalTo(true));
        asResearcher(researcher).queryParam("project", projectId).get("/episodes/" + first).then()
                .statusCode(404);
        asResearcher(researcher).queryParam("project", projectId).get("/patients/" + patient + "/episodes").then()
                .statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void leavesOutPatientsWhoOpposeTheProjectFromPagesCountsAndPathways() {
        String projectId = activeProject(false);
        String opposing = "v1." + UUID.randomUUID();
        String other = "v1." + UUID.randomUUID();
        String hidden = episodeOf(opposing, IN_PERIOD);
        episodeOf(other, IN_PERIOD);
        projected();
        ProjectPseudonyms project = pseudonyms(projectId);
        asResearcher(researcher).queryParam("project", projectId).queryParam("limit", 500).get("/episodes").then()
                .statusCode(200);
        int totalBefore = asResearcher(researcher).queryParam("project", projectId).get("/episodes").then()
                .extract().path("total");

        publish(new ProjectOppositionRegisteredEvent(new PatientPseudonym(opposing),
                List.of(new PatientPseudonym(opposing)), projectId, "d-" + projectId,
                "OPP-" + projectId, Instant.now(), new DecisionOrigin("patient", Channel.ONLINE, null, null)));
        String laterEpisode = episodeOf(opposing, IN_PERIOD.plus(2, ChronoUnit.HOURS));
        projected();

        asResearcher(researcher).queryParam("project", projectId).queryParam("limit", 500).get("/episodes").then()
                .statusCode(200).body("total", equalTo(totalBefore - 1))
                .body("episodes.patientPseudonym", not(hasItem(project.of(new PatientPseudonym(opposing)).value())))
                .body("episodes.episodeId", not(hasItem(project.identifierOf("episode", laterEpisode))));
        asResearcher(researcher).queryParam("project", projectId)
                .get("/episodes/" + project.identifierOf("episode", hidden)).then().statusCode(404);
        asResearcher(researcher).queryParam("project", projectId)
                .get("/patients/" + project.of(new PatientPseudonym(opposing)).value() + "/episodes").then()
                .statusCode(200)
                .body("size()", equalTo(0));
        as(Roles.DATA_STEWARD).get("/episodes/" + hidden).then().statusCode(200);

        publish(new ProjectOppositionWithdrawnEvent(new PatientPseudonym(opposing),
                List.of(new PatientPseudonym(opposing)), projectId, "w-" + projectId,
                "OPP-" + projectId, Instant.now(), new DecisionOrigin("patient", Channel.ONLINE, null, null)));
        projected();
        asResearcher(researcher).queryParam("project", projectId).get("/episodes").then().statusCode(200)
                .body("total", equalTo(totalBefore + 1));
    }

    @Test
    void shiftsEachPatientsDatesAndThenNeitherFiltersNorOrdersByRealDates() {
        String projectId = activeProject(true);
        String patient = "v1." + UUID.randomUUID();
        String episodeId = episodeOf(patient, IN_PERIOD);
        projected();
        ProjectPseudonyms project = pseudonyms(projectId);
        Instant shifted = IN_PERIOD.plus(project.dateShiftDays(new PatientPseudonym(patient)), ChronoUnit.DAYS);

        asResearcher(researcher).queryParam("project", projectId).queryParam("limit", 500).get("/episodes").then()
                .statusCode(200)
                .body("episodes.find { it.episodeId == '" + project.identifierOf("episode", episodeId)
                        + "' }.openedAt", equalTo(shifted.toString()));
        asResearcher(researcher).queryParam("project", projectId).queryParam("from", "2026-01-10T00:00:00Z")
                .get("/episodes").then().statusCode(400).body("field", equalTo("from"));
        asResearcher(researcher).queryParam("project", projectId).queryParam("sort", "openedAt").get("/episodes")
                .then().statusCode(400).body("field", equalTo("sort"));
    }

    @Test
    void refusesWithoutAPermitInForceAndRecordsTheRefusal() {
        String active = activeProject(false);
        String approvedOnly = project(false, id -> {});
        String closed = project(false, id -> {
            publish(new ProjectActivatedEvent(id, Instant.now()));
            publish(new ProjectClosedEvent(id, "done", Instant.now()));
        });
        projected();
        long before = axon.engine().headPosition();

        asResearcher(researcher).get("/episodes").then().statusCode(400).body("field", equalTo("project"));
        asResearcher("someone-else").queryParam("project", active).get("/episodes").then().statusCode(403)
                .body(not(containsString("episodeId")));
        asResearcher(researcher).queryParam("project", approvedOnly).get("/episodes").then().statusCode(409);
        asResearcher(researcher).queryParam("project", closed).get("/episodes").then().statusCode(410);
        asResearcher(researcher).queryParam("project", active).queryParam("outcome", "HOME").get("/episodes").then()
                .statusCode(400).body("field", equalTo("outcome"));
        given().header("Authorization", "Bearer " + TestTokens.forRole(Roles.RESEARCHER, researcher,
                Map.of("project", approvedOnly))).queryParam("project", active).get("/episodes").then()
                .statusCode(403);

        assertThat(accessesSince(before)).anySatisfy(a -> {
            assertThat(a.actorSubject()).isEqualTo("someone-else");
            assertThat(a.outcome()).isEqualTo(AccessOutcome.DENIED);
            assertThat(a.purpose()).isEqualTo("research project " + active);
        });
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }
}
