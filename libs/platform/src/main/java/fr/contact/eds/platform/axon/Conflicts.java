package fr.contact.eds.platform.axon;

import fr.contact.eds.platform.rest.ProblemException;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Two writers of one aggregate at once: the event store lets one through and refuses the other, which then only has
 * to load the aggregate again and decide anew. Axon 4 reports a clash on an aggregate's first event as
 * {@link AggregateStreamCreationException}, which is not a {@link ConcurrencyException}: both are conflicts here.
 */
public final class Conflicts {

    static final int ATTEMPTS = 3;

    private Conflicts() {}

    public static boolean isConflict(Throwable failure) {
        return Failures.causedBy(failure, ConcurrencyException.class)
                || Failures.causedBy(failure, AggregateStreamCreationException.class);
    }

    /** Runs {@code send} again on a conflict, a few times; then answers 409 rather than a server error. */
    public static <T> T retried(Supplier<T> send) {
        for (int attempt = 1;; attempt++) {
            try {
                return send.get();
            } catch (RuntimeException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                if (attempt >= ATTEMPTS) {
                    throw new ProblemException(409, "Conflict", "The record was changed by another request "
                            + attempt + " times while this one was applied; nothing of this request was stored. "
                            + "Send it again.", null);
                }
            }
        }
    }
}
