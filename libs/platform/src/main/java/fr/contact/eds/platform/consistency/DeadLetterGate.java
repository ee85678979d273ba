package fr.contact.eds.platform.consistency;

import fr.contact.eds.platform.axon.Processors;
import fr.contact.eds.platform.rest.ProblemException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fail closed: a read model whose processor holds dead letters misses the events parked there, and one of them may be
 * an opposition or an erasure, so its read paths answer 503 until the dead letters are retried rather than show a
 * patient who opposed. Counts are read at most once a second per processor: the check sits on every read.
 */
@Singleton
public class DeadLetterGate {

    static final long REFRESH_NANOS = 1_000_000_000L;
    private static final int RETRY_AFTER_SECONDS = 30;

    private record Count(long deadLetters, long readAt) {}

    private final Processors processors;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    @Inject
    public DeadLetterGate(Processors processors) {
        this.processors = processors;
    }

    /** 503 with a problem naming the processor and its count while {@code processor} holds dead letters. */
    public void requireNone(String processor) {
        long deadLetters = deadLetters(processor);
        if (deadLetters > 0) {
            throw ProblemException.unavailable("The " + processor + " read model misses " + deadLetters
                    + " parked event sequence(s), which may hold an opposition or an erasure: it answers nothing "
                    + "until the platform team retries them (POST /admin/processors/" + processor
                    + "/dead-letters/retry)", RETRY_AFTER_SECONDS);
        }
    }

    /** Whether {@code processor} holds dead letters, for paths that refuse in their own words. */
    public boolean holdsAny(String processor) {
        return deadLetters(processor) > 0;
    }

    private long deadLetters(String processor) {
        long now = System.nanoTime();
        Count count = counts.compute(processor, (name, known) -> known != null && now - known.readAt() < REFRESH_NANOS
                ? known
                : new Count(processors.deadLetters(name), now));
        return count.deadLetters();
    }
}
