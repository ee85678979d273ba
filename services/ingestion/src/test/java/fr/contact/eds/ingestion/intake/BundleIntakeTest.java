package fr.contact.eds.ingestion.intake;

import fr.contact.eds.ingestion.api.AcceptBundleCommand;
import fr.contact.eds.ingestion.api.BundleAcceptedEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.api.GpHandOffRecordedEvent;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BundleIntakeTest {

    static final Instant NOW = Instant.parse("2026-01-15T21:00:00Z");
    static final BundleAcceptedEvent ACCEPTED = new BundleAcceptedEvent("v1.bundle", "sos-paris", "transaction",
            List.of(new EpisodeId("v1.episode")), List.of(true, true), 2, 0, 0, NOW, null);
    static final EpisodeOpenedEvent OPENED = new EpisodeOpenedEvent(new EpisodeId("v1.episode"), "sos-paris",
            new PatientPseudonym("v1.patient"), 1, "key-1",
            "F", 70, "65-74", 1955, "75", NOW);
    static final GpHandOffRecordedEvent HAND_OFF = new GpHandOffRecordedEvent(new EpisodeId("v1.episode"), NOW);
    static final AccessRecordedEvent ACCESS = new AccessRecordedEvent("a-1", NOW, "ingestion", "software",
            "association", "sos-paris", "care data intake", AccessAction.CREATE, "Bundle", List.of("v1.patient"),
            AccessOutcome.SUCCESS, null);

    private AggregateTestFixture<BundleIntake> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(BundleIntake.class);
    }

    @Test
    void takesInTheAcceptanceThenTheEpisodeEventsThenTheAccess() {
        fixture.givenNoPriorActivity()
                .when(new AcceptBundleCommand(ACCEPTED, List.of(OPENED, HAND_OFF), ACCESS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ACCEPTED, OPENED, HAND_OFF, ACCESS);
    }

    @Test
    void rejectsAnIntakeThatWouldNotRecordTheAccess() {
        fixture.givenNoPriorActivity()
                .when(new AcceptBundleCommand(ACCEPTED, List.of(OPENED), null))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsABundleWithNothingToTakeIn() {
        fixture.givenNoPriorActivity()
                .when(new AcceptBundleCommand(ACCEPTED, List.of(), ACCESS))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void recordsABundleWhoseCareIsAllOutsideUnscheduledCareSoARepeatAnswersTheSame() {
        BundleAcceptedEvent outside = new BundleAcceptedEvent("v1.bundle", "sos-paris", "transaction", List.of(),
                List.of(true, false), 1, 1, 0, NOW, java.util.Arrays.asList(null,
                        "Encounter outside unscheduled care (an inpatient stay): counted, not stored"));
        fixture.givenNoPriorActivity()
                .when(new AcceptBundleCommand(outside, List.of(), ACCESS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(outside, ACCESS);
    }
}
