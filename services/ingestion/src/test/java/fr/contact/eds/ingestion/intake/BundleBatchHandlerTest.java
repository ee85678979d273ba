package fr.contact.eds.ingestion.intake;

import static fr.contact.eds.ingestion.intake.BundleIntakeTest.ACCEPTED;
import static fr.contact.eds.ingestion.intake.BundleIntakeTest.ACCESS;
import static fr.contact.eds.ingestion.intake.BundleIntakeTest.HAND_OFF;
import static fr.contact.eds.ingestion.intake.BundleIntakeTest.NOW;
import static fr.contact.eds.ingestion.intake.BundleIntakeTest.OPENED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.contact.eds.ingestion.api.AcceptBundleCommand;
import fr.contact.eds.ingestion.api.AcceptBundlesCommand;
import fr.contact.eds.ingestion.api.BundleAcceptedEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BundleBatchHandlerTest {

    private static final BundleAcceptedEvent OTHER = new BundleAcceptedEvent("v1.other", "sos-paris", "batch",
            List.of(new EpisodeId("v1.episode-2")), List.of(true), 1, 0, 0, NOW, null);

    private final CountingEngine engine = new CountingEngine();
    private Configuration axon;

    @BeforeEach
    void start() {
        axon = DefaultConfigurer.defaultConfiguration().configureEmbeddedEventStore(c -> engine)
                .configureAggregate(BundleIntake.class)
                .registerCommandHandler(c -> new BundleBatchHandler(c.repository(BundleIntake.class))).start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void takesInSeveralBundlesInOneCommitEachAsItsOwnAggregate() {
        axon.commandGateway().sendAndWait(new AcceptBundlesCommand(List.of(
                new AcceptBundleCommand(ACCEPTED, List.of(OPENED), ACCESS),
                new AcceptBundleCommand(OTHER, List.of(HAND_OFF), ACCESS))));

        assertThat(engine.appends).isEqualTo(1);
        assertThat(payloadsOf("v1.bundle")).containsExactly(ACCEPTED, OPENED, ACCESS);
        assertThat(payloadsOf("v1.other")).containsExactly(OTHER, HAND_OFF, ACCESS);
    }

    @Test
    void refusesTheSameBundleTwiceInOneBatch() {
        var bundle = new AcceptBundleCommand(ACCEPTED, List.of(OPENED), ACCESS);
        assertThatThrownBy(() -> new AcceptBundlesCommand(List.of(bundle, bundle))).hasMessageContaining("twice");
    }

    private List<Object> payloadsOf(String aggregate) {
        return engine.readEvents(aggregate).asStream().<Object>map(EventMessage::getPayload).toList();
    }

    private static final class CountingEngine extends InMemoryEventStorageEngine {

        int appends;

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            appends++;
            super.appendEvents(events);
        }
    }
}
