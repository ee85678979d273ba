package fr.contact.eds.eventstore;

import static fr.contact.eds.eventstore.TestEvents.aggregateBatch;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same situations against axon-mongo's engine, which orders tracking by writer timestamps with a
 * one-second look-back: a writer whose clock lags makes tailing readers skip its events for good. These
 * tests pin that difference down, so that the reason for our own engine stays visible.
 */
class AxonMongoComparisonTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private static EventStorageEngine axonMongo(MongoDatabase database) {
        var serializer = TestEvents.serializer();
        return MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    private static EventStorageEngine commitLog(MongoDatabase database) {
        var serializer = TestEvents.serializer();
        return CommitLogEventStorageEngine.builder().database(database)
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    private static int eventsSeenAfterALateCommit(
            java.util.function.Function<MongoDatabase, EventStorageEngine> factory) {
        String name = "cmp-" + UUID.randomUUID();
        var punctual = factory.apply(TestEvents.database(mongo.connectionString(), name));
        var late = factory.apply(TestEvents.database(mongo.connectionString(), name));
        punctual.appendEvents(aggregateBatch("a", 0, 3, "punctual", 0, Instant.now()));
        var seen = punctual.readEvents(null, false).toList();

        late.appendEvents(aggregateBatch("b", 0, 3, "late", 0, Instant.now().minusSeconds(5)));

        return (int) punctual.readEvents(seen.get(seen.size() - 1).trackingToken(), false).count();
    }

    @Test
    void axonMongoSkipsACommitStampedBeforeWhatTheReaderAlreadySaw() {
        assertThat(eventsSeenAfterALateCommit(AxonMongoComparisonTest::axonMongo)).isZero();
        assertThat(eventsSeenAfterALateCommit(AxonMongoComparisonTest::commitLog)).isEqualTo(3);
    }

    @Test
    void axonMongoLosesEventsOfASkewedWriterWhileOursLosesNone() throws Exception {
        String name = "cmp-" + UUID.randomUUID();
        var scenario = new ConcurrentWritersScenario(() -> TestEvents.database(mongo.connectionString(), name), 3, 120,
                1);

        var outcome = scenario.run(AxonMongoComparisonTest::axonMongo);

        Set<String> missed = new HashSet<>(outcome.written());
        List<String> seen = outcome.seenByReader().get(0);
        seen.forEach(missed::remove);
        assertThat(missed).as("events a tailing axon-mongo reader never saw").isNotEmpty();

        String ours = "cmp-" + UUID.randomUUID();
        var same = new ConcurrentWritersScenario(() -> TestEvents.database(mongo.connectionString(), ours), 3, 120, 1);
        ConcurrentWritersScenario
                .assertEveryReaderSawEverythingOnceInOneOrder(same.run(AxonMongoComparisonTest::commitLog));
    }
}
