package fr.contact.eds.platform.axon;

import fr.contact.eds.platform.consistency.ProcessorTokens;
import fr.contact.eds.platform.rest.ProblemException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

/** Status, replay and dead-letter retry of this service's streaming processors. */
@Singleton
public class Processors {

    private final AxonRuntime runtime;
    private final ProcessorTokens tokens;
    private final Instance<ReplayRefusals> refusals;

    public Processors(AxonRuntime runtime, ProcessorTokens tokens, Instance<ReplayRefusals> refusals) {
        this.runtime = runtime;
        this.tokens = tokens;
        this.refusals = refusals;
    }

    public List<ProcessorStatus> statuses() {
        long head = runtime.engine().headPosition();
        return processing().eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(p -> status((StreamingEventProcessor) p, head))
                .toList();
    }

    public Optional<ProcessorStatus> status(String name) {
        long head = runtime.engine().headPosition();
        return processing().eventProcessor(name, StreamingEventProcessor.class).map(p -> status(p, head));
    }

    private ProcessorStatus status(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        OptionalLong slowest = segments.values().stream()
                .map(s -> s.getCurrentPosition())
                .mapToLong(p -> p.orElse(-1))
                .min();
        long lag = slowest.isPresent() ? Math.max(0, head - slowest.getAsLong()) : 0;
        boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        long deadLetters = deadLetters(processor.getName());
        return new ProcessorStatus(processor.getName(), processor.isRunning(), replaying, segments.size(), slowest,
                head,
                lag, deadLetters);
    }

    /** How many event sequences the processor has parked; 0 for one without a dead-letter queue. */
    public long deadLetters(String name) {
        return processing().deadLetterQueue(name).map(q -> q.size()).orElse(0L);
    }

    /**
     * Rebuilds the processor's read model from the first event: stop, reset tokens to the tail, start. A reset
     * needs every segment, so while another replica holds one it changes nothing and answers 409 naming the holders;
     * either way the processor runs again here afterwards. A processor a service rebuilds its own way is refused
     * (409) with that way named.
     */
    public boolean replay(String name) {
        Optional<StreamingEventProcessor> found = processing().eventProcessor(name, StreamingEventProcessor.class);
        found.ifPresent(processor -> {
            requireReplayable(name);
            processor.shutDown();
            try {
                processor.resetTokens();
                tokens.forgetReached(name);
            } catch (UnableToClaimTokenException e) {
                throw heldElsewhere(name, tokens.holders(name));
            } finally {
                processor.start();
            }
        });
        return found.isPresent();
    }

    /**
     * 409 when a replay of {@code name} could not take effect: the service rebuilds it its own way, or another
     * instance holds one of its segments. Checked before the replay is recorded as an access.
     */
    public void requireReplayable(String name) {
        refusals.stream().flatMap(r -> r.refusal(name).stream()).findFirst().ifPresent(reason -> {
            throw ProblemException.conflict(reason);
        });
        List<String> elsewhere = tokens.holders(name).stream().filter(h -> !h.equals(runtime.nodeId())).toList();
        if (!elsewhere.isEmpty()) {
            throw heldElsewhere(name, elsewhere);
        }
    }

    private static ProblemException heldElsewhere(String name, List<String> holders) {
        return ProblemException.conflict("Processor " + name + " was not reset: a replay needs every segment, and "
                + "other instances hold some (" + String.join(", ", holders) + "); stop them, or retry once their "
                + "claims have lapsed (" + AxonRuntime.CLAIM_TIMEOUT.toSeconds() + " s after they stop)");
    }

    public boolean running(String name) {
        return processing().eventProcessor(name, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::isRunning).orElse(false);
    }

    /** Starts the processor here; it claims what segments are free. */
    public void start(String name) {
        processing().eventProcessor(name, StreamingEventProcessor.class).ifPresent(StreamingEventProcessor::start);
    }

    /** Stops the processor here, releasing its claims for other replicas. */
    public void shutDown(String name) {
        processing().eventProcessor(name, StreamingEventProcessor.class)
                .ifPresent(StreamingEventProcessor::shutDown);
    }

    /** Retries dead-lettered sequences until one fails again or none is left; returns how many succeeded. */
    public Optional<Integer> retryDeadLetters(String name) {
        return processing().sequencedDeadLetterProcessor(name).map(dlp -> {
            int processed = 0;
            while (dlp.processAny()) {
                processed++;
            }
            return processed;
        });
    }

    private EventProcessingConfiguration processing() {
        return runtime.configuration().eventProcessingConfiguration();
    }
}
