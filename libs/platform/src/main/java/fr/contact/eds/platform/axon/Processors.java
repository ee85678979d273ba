package fr.contact.eds.platform.axon;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/** Status, replay and dead-letter retry of this service's streaming processors. */
@Singleton
public class Processors {

    @Inject
    AxonRuntime runtime;

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

    /** Rebuilds the processor's read model from the first event: stop, reset tokens to the tail, start. */
    public boolean replay(String name) {
        Optional<StreamingEventProcessor> found = processing().eventProcessor(name, StreamingEventProcessor.class);
        found.ifPresent(processor -> {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        });
        return found.isPresent();
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
