package fr.contact.eds.testing;

import fr.contact.eds.platform.api.AccessRecordedEvent;
import java.util.function.BiFunction;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;

/**
 * Makes the event store refuse every access record, as an unreachable store would, for as long as it is open: what a
 * service answers then proves whether it can reveal data without recording the access.
 */
public final class AccessRecordRefusal implements AutoCloseable {

    private final Registration registration;

    private AccessRecordRefusal(Registration registration) {
        this.registration = registration;
    }

    public static AccessRecordRefusal refuseAccessRecords(EventBus eventStore) {
        return new AccessRecordRefusal(eventStore.registerDispatchInterceptor(messages -> {
            if (messages.stream().anyMatch(m -> m.getPayload() instanceof AccessRecordedEvent)) {
                throw new IllegalStateException("The audit append failed (refused by the test)");
            }
            BiFunction<Integer, EventMessage<?>, EventMessage<?>> unchanged = (index, message) -> message;
            return unchanged;
        }));
    }

    @Override
    public void close() {
        registration.cancel();
    }
}
