package fr.contact.eds.platform.consistency;

import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.rest.ProblemException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Read-your-writes across services. A decision's receipt carries the event-store position it was committed at
 * (or later); a service asked for a result "as of" that receipt first waits until the projection it answers from
 * has passed that position, so nothing decided before the receipt can be missing from the answer. The wait is
 * bounded: past it the caller gets 503 with Retry-After rather than a stale answer.
 */
@Singleton
public class ProjectionBarrier {

    private static final long POLL_MILLIS = 2;

    private final ProcessorPositions positions;
    private final AxonRuntime runtime;

    @Inject
    public ProjectionBarrier(ProcessorPositions positions, AxonRuntime runtime) {
        this.positions = positions;
        this.runtime = runtime;
    }

    /** Whether {@code processor} has passed {@code position} within {@code timeout}. */
    public boolean awaitPosition(String processor, long position, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            OptionalLong reached = positions.slowest(processor);
            if (reached.isPresent() && reached.getAsLong() >= position) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Whether {@code processor} has caught up with everything committed before this call. */
    public boolean awaitHead(String processor, Duration timeout) {
        return awaitPosition(processor, runtime.engine().headPosition(), timeout);
    }

    /**
     * As {@link #awaitPosition} for a position a caller gave as {@code field}: 400 when the event store has never
     * reached it (no receipt can name it, so waiting would only end in a 503), 503 with Retry-After when the
     * projection is not there in time.
     */
    public void require(String field, String processor, long position, Duration timeout) {
        long head = runtime.engine().headPosition();
        if (position < -1 || position > head) {
            throw ProblemException.badRequest(field, field + " must be an event-store position from a receipt, "
                    + "between -1 and the store's newest position, " + head);
        }
        if (!awaitPosition(processor, position, timeout)) {
            throw ProblemException.unavailable("The " + processor + " projection has not yet reached event-store "
                    + "position " + position + "; retry shortly", retryAfter(timeout));
        }
    }

    private static int retryAfter(Duration timeout) {
        return (int) Math.max(1, timeout.toSeconds());
    }
}
