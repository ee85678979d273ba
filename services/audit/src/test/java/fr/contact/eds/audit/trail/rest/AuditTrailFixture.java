package fr.contact.eds.audit.trail.rest;

import fr.contact.eds.audit.trail.AuditLog;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Accesses as other services record them, appended to the event store and awaited in the trail. */
final class AuditTrailFixture {

    /** The public half of the test signing key in application.properties. */
    static final String TEST_PUBLIC_KEY = "MCowBQYDK2VwAyEAjPR2LSMM3/qv3s0K+24VSmlqTE1yaypFORz8hHABMgA=";

    private AuditTrailFixture() {}

    static AccessRecordedEvent access(String actor, AccessAction action, String... patients) {
        return new AccessRecordedEvent(UUID.randomUUID().toString(), Instant.now(), "episodes", actor, "researcher",
                "project-7", "research", action, "Episode", List.of(patients), AccessOutcome.SUCCESS,
                "0af7651916cd43dd8448eb211c80319c");
    }

    /** Publishes the accesses and waits until the trail holds them all. */
    static List<AccessRecordedEvent> recorded(EventStore eventStore, AuditLog log, List<AccessRecordedEvent> accesses) {
        accesses.forEach(a -> eventStore.publish(GenericEventMessage.asEventMessage(a)));
        String last = accesses.get(accesses.size() - 1).accessId();
        until(() -> log.entryByAccessId(last).isPresent());
        return accesses;
    }

    static void until(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not in the trail after 15 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static List<AccessRecordedEvent> reads(String actor, int count) {
        List<AccessRecordedEvent> reads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            reads.add(access(actor, AccessAction.READ, "p-" + actor + "-" + i));
        }
        return reads;
    }
}
