package fr.contact.eds.eventstore;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/** One reader's position in the commit log, fetching a batch at a time. Not thread-safe, as Axon expects. */
final class CommitLogStream implements BlockingStream<TrackedEventMessage<?>> {

    private final CommitLogEventStorageEngine engine;
    private final CommitSignal signal;
    private final int batchSize;
    private final ArrayDeque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();
    private TrackingToken lastToken;
    private Runnable unregister = () -> {};

    CommitLogStream(CommitLogEventStorageEngine engine, CommitSignal signal, TrackingToken from, int batchSize) {
        this.engine = engine;
        this.signal = signal;
        this.lastToken = from;
        this.batchSize = batchSize;
    }

    private void fetch() {
        if (!buffer.isEmpty()) {
            return;
        }
        buffer.addAll(engine.readBatch(lastToken, batchSize));
        if (!buffer.isEmpty()) {
            lastToken = buffer.peekLast().trackingToken();
        }
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        fetch();
        return Optional.ofNullable(buffer.peekFirst());
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            long seen = signal.generation();
            fetch();
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (!buffer.isEmpty() || remaining <= 0) {
                return !buffer.isEmpty();
            }
            // The signal may come from another process's commit only if change streams work; poll at least every 100 ms.
            signal.awaitChangeFrom(seen, Math.min(remaining, 100));
        }
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
            // keep waiting: Axon calls this only when it wants to block
        }
        return buffer.pollFirst();
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        unregister.run();
        unregister = signal.listen(callback);
        return true;
    }

    @Override
    public void close() {
        unregister.run();
        buffer.clear();
    }
}
