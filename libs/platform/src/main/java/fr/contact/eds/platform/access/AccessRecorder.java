package fr.contact.eds.platform.access;

import fr.contact.eds.platform.api.AccessOrigin;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.config.PlatformConfig;
import fr.contact.eds.platform.security.Actor;
import io.opentelemetry.api.trace.Span;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The one way a service reveals patient data: the access is appended to the event store before the
 * data is handed back (inside a unit of work it joins that unit's commit). If the append fails, the
 * caller gets the failure, never the data.
 */
@Singleton
public class AccessRecorder {

    private final EventStore eventStore;
    private final PlatformConfig config;
    private final Clock clock;
    private final Supplier<AccessOrigin> origin;

    @Inject
    public AccessRecorder(EventStore eventStore, PlatformConfig config, RequestOrigins origins) {
        this(eventStore, config, Clock.systemUTC(), origins::current);
    }

    AccessRecorder(EventStore eventStore, PlatformConfig config, Clock clock, Supplier<AccessOrigin> origin) {
        this.eventStore = eventStore;
        this.config = config;
        this.clock = clock;
        this.origin = origin;
    }

    /** Loads data, records who sees which patients in it, then returns it. */
    public <T> T reveal(Actor actor, Access access, Supplier<T> loader, Function<T, Collection<String>> patientsIn) {
        T data = loader.get();
        record(actor, access, patientsIn.apply(data), AccessOutcome.SUCCESS);
        return data;
    }

    public AccessRecordedEvent record(Actor actor, Access access, Collection<String> patientPseudonyms,
            AccessOutcome outcome) {
        AccessRecordedEvent event = describe(actor, access, patientPseudonyms, outcome);
        eventStore.publish(GenericEventMessage.asEventMessage(event));
        return event;
    }

    /**
     * The access event without appending it, for a command that appends it with the data it concerns (one
     * commit, so neither can exist without the other).
     */
    public AccessRecordedEvent describe(Actor actor, Access access, Collection<String> patientPseudonyms,
            AccessOutcome outcome) {
        String traceId = Span.current().getSpanContext().isValid() ? Span.current().getSpanContext().getTraceId()
                : null;
        return new AccessRecordedEvent(UUID.randomUUID().toString(), clock.instant(), config.service(),
                actor.subject(), access.actorRole(), actor.organisation(), access.purpose(), access.action(),
                access.resourceKind(), List.copyOf(patientPseudonyms), outcome, traceId, origin.get());
    }
}
