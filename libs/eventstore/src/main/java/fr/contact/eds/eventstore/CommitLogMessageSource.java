package fr.contact.eds.eventstore;

import java.time.Instant;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * A message source for streaming processors that reads the commit log directly and tells them when a
 * commit lands. Axon's EmbeddedEventStore offers no availability callback, which leaves a pooled
 * processor polling every 500 ms; with this source it is woken as soon as a commit is readable.
 */
public class CommitLogMessageSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final CommitLogEventStorageEngine engine;
    private final int batchSize;

    public CommitLogMessageSource(CommitLogEventStorageEngine engine, int batchSize) {
        this.engine = engine;
        this.batchSize = batchSize;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new CommitLogStream(engine, engine.signal(), trackingToken, batchSize);
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }
}
