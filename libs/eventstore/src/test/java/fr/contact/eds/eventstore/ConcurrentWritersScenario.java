package fr.contact.eds.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Several writers, each with its own client, append concurrently: one writer's clock is 5 s behind,
 * commits are delayed at random between choosing a position and inserting. Readers tail the store
 * while this happens. Every reader must see every event exactly once, in the same order.
 */
final class ConcurrentWritersScenario {

    record Outcome(List<String> written, List<List<String>> seenByReader) {}

    private final Supplier<MongoDatabase> databases;
    private final int writers;
    private final int batchesPerWriter;
    private final int readers;

    ConcurrentWritersScenario(Supplier<MongoDatabase> databases, int writers, int batchesPerWriter, int readers) {
        this.databases = databases;
        this.writers = writers;
        this.batchesPerWriter = batchesPerWriter;
        this.readers = readers;
    }

    Outcome run(java.util.function.Function<MongoDatabase, EventStorageEngine> engineFor) throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
        List<Future<?>> writing = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String writer = "writer-" + w;
            Duration skew = w == 0 ? Duration.ofSeconds(-5) : Duration.ZERO;
            EventStorageEngine engine = engineFor.apply(databases.get());
            writing.add(pool.submit(() -> write(engine, writer, skew, written)));
        }
        int expectedTotal = writers * batchesPerWriter * 3;
        List<Future<List<String>>> reading = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            EventStorageEngine engine = engineFor.apply(databases.get());
            reading.add(pool.submit(() -> tail(engine, expectedTotal, Duration.ofSeconds(5))));
        }
        for (Future<?> f : writing) {
            f.get(2, TimeUnit.MINUTES);
        }
        List<List<String>> seen = new ArrayList<>();
        for (Future<List<String>> f : reading) {
            seen.add(f.get(2, TimeUnit.MINUTES));
        }
        pool.shutdownNow();
        return new Outcome(written, seen);
    }

    /** Each batch: three events of one aggregate, or three without aggregate, in one commit. */
    private Void write(EventStorageEngine engine, String writer, Duration skew, List<String> written) {
        for (int b = 0; b < batchesPerWriter; b++) {
            Instant now = Instant.now().plus(skew);
            List<EventMessage<?>> batch = b % 4 == 3
                    ? List.of(TestEvents.free(writer, b, 0, now), TestEvents.free(writer, b, 1, now),
                            TestEvents.free(writer, b, 2, now))
                    : TestEvents.aggregateBatch(writer + "-agg-" + (b / 10), (b % 10) * 3L, 3, writer, b, now);
            engine.appendEvents(batch);
            batch.forEach(e -> written.add(e.getIdentifier()));
        }
        return null;
    }

    /** Reads until {@code expected} events were seen or nothing new came for {@code patience}. */
    static List<String> tail(EventStorageEngine engine, int expected, Duration patience) {
        List<String> seen = new ArrayList<>();
        TrackingToken token = null;
        long lastProgress = System.nanoTime();
        while (seen.size() < expected && System.nanoTime() - lastProgress < patience.toNanos()) {
            List<? extends TrackedEventMessage<?>> events = engine.readEvents(token, true).limit(500).toList();
            for (TrackedEventMessage<?> event : events) {
                seen.add(event.getIdentifier());
                token = event.trackingToken();
            }
            if (events.isEmpty()) {
                pause();
            } else {
                lastProgress = System.nanoTime();
            }
        }
        return seen;
    }

    private static void pause() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void assertEveryReaderSawEverythingOnceInOneOrder(Outcome outcome) {
        Set<String> written = new HashSet<>(outcome.written());
        assertThat(written).hasSize(outcome.written().size());
        List<String> reference = outcome.seenByReader().get(0);
        for (List<String> seen : outcome.seenByReader()) {
            assertThat(new HashSet<>(seen)).as("no duplicates").hasSize(seen.size());
            assertThat(seen).as("every committed event seen").containsExactlyInAnyOrderElementsOf(written);
            assertThat(seen).as("same order for all readers").containsExactlyElementsOf(reference);
        }
    }

    static java.util.function.LongConsumer randomDelays() {
        return position -> {
            if (ThreadLocalRandom.current().nextInt(10) == 0) {
                pause();
            }
        };
    }
}
