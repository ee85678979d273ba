package fr.contact.eds.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Append and replay throughput of our engine and axon-mongo's, side by side, on the embedded server.
 * Run with {@code ./mvnw -pl libs/eventstore -Pbench test}; it prints figures and asserts nothing.
 */
@Tag("bench")
class EventStoreBenchmark {

    private static final int SINGLE_EVENTS = Integer.getInteger("bench.single", 5_000);
    private static final int BATCHES = Integer.getInteger("bench.batches", 300);
    private static final long REPLAY_BUDGET_NANOS = Long.getLong("bench.replaySeconds", 60) * 1_000_000_000L;

    @Test
    void compareEngines() {
        try (var mongo = new EmbeddedMongo()) {
            System.out.printf("%-12s %14s %14s %14s%n", "engine", "single ev/s", "batch100 ev/s", "replay ev/s");
            run("commit-log", mongo, db -> CommitLogEventStorageEngine.builder().database(db)
                    .eventSerializer(TestEvents.serializer()).snapshotSerializer(TestEvents.serializer()).build());
            run("axon-mongo", mongo, db -> MongoEventStorageEngine.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(db).build())
                    .eventSerializer(TestEvents.serializer()).snapshotSerializer(TestEvents.serializer()).build());
        }
    }

    private static void run(String name, EmbeddedMongo mongo,
            Function<com.mongodb.client.MongoDatabase, EventStorageEngine> factory) {
        EventStorageEngine engine = factory
                .apply(TestEvents.database(mongo.connectionString(), "bench-" + UUID.randomUUID()));
        warmUp(engine);
        long start = System.nanoTime();
        for (int i = 0; i < SINGLE_EVENTS; i++) {
            engine.appendEvents(TestEvents.domain("single-" + i, 0, "bench", i, 0, Instant.now()));
        }
        double single = SINGLE_EVENTS / seconds(start);

        start = System.nanoTime();
        for (int b = 0; b < BATCHES; b++) {
            List<EventMessage<?>> batch = new ArrayList<>(
                    TestEvents.aggregateBatch("batch-" + b, 0, 100, "bench", b, Instant.now()));
            engine.appendEvents(batch);
        }
        double batched = BATCHES * 100 / seconds(start);

        start = System.nanoTime();
        long replayed = 0;
        TrackingToken token = null;
        var events = engine.readEvents(token, false).iterator();
        while (events.hasNext() && System.nanoTime() - start < REPLAY_BUDGET_NANOS) {
            events.next().getPayload();
            replayed++;
        }
        double replay = replayed / seconds(start);
        String note = events.hasNext() ? "replay stopped at the time budget" : "full replay";
        System.out.printf("%-12s %14.0f %14.0f %14.0f   (%d events replayed, %s)%n", name, single, batched, replay,
                replayed, note);
        System.out.flush();
    }

    private static void warmUp(EventStorageEngine engine) {
        for (int i = 0; i < 200; i++) {
            engine.appendEvents(TestEvents.domain("warm-" + i, 0, "warm", i, 0, Instant.now()));
        }
        engine.readEvents(null, false).forEach(EventMessage::getPayload);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
