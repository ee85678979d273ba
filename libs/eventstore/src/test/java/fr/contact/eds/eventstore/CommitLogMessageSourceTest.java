package fr.contact.eds.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CommitLogMessageSourceTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private static CommitLogEventStorageEngine engine(String database) {
        var serializer = TestEvents.serializer();
        return CommitLogEventStorageEngine.builder().database(TestEvents.database(mongo.connectionString(), database))
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    @Test
    void callsBackWhenAnotherProcessCommitsAndThenHasTheEvent() throws Exception {
        String database = "src-" + UUID.randomUUID();
        var reader = engine(database);
        var writer = engine(database);
        writer.appendEvents(TestEvents.free("w", 0, 0, Instant.now()));
        var stream = new CommitLogMessageSource(reader, 10).openStream(reader.createHeadToken());
        CountDownLatch available = new CountDownLatch(1);

        assertThat(stream.setOnAvailableCallback(available::countDown)).isTrue();
        assertThat(stream.hasNextAvailable()).isFalse();
        writer.appendEvents(TestEvents.free("w", 1, 0, Instant.now()));

        assertThat(available.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().trackingToken().position()).hasValue(1);
        stream.close();
    }

    @Test
    void streamsEveryEventInOrderAcrossBatches() throws Exception {
        String database = "src-" + UUID.randomUUID();
        var engine = engine(database);
        for (int b = 0; b < 7; b++) {
            engine.appendEvents(TestEvents.aggregateBatch("a", b * 3L, 3, "w", b, Instant.now()));
        }
        var stream = new CommitLogMessageSource(engine, 4).openStream(null);
        for (long expected = 0; expected < 21; expected++) {
            assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().trackingToken().position()).hasValue(expected);
        }
        assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void pollsForOtherWritersWhenChangeStreamsAreOff() throws Exception {
        String database = "src-" + UUID.randomUUID();
        var serializer = TestEvents.serializer();
        var server = new de.bwaldvogel.mongo.MongoServer(new de.bwaldvogel.mongo.backend.memory.MemoryBackend());
        var address = server.bind();
        String uri = "mongodb://127.0.0.1:" + address.getPort();
        try {
            var reader = CommitLogEventStorageEngine.builder().database(TestEvents.database(uri, database))
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            var writer = CommitLogEventStorageEngine.builder().database(TestEvents.database(uri, database))
                    .eventSerializer(serializer).snapshotSerializer(serializer).watchCommits(false).build();
            var stream = new CommitLogMessageSource(reader, 10).openStream(null);
            CountDownLatch available = new CountDownLatch(1);
            stream.setOnAvailableCallback(available::countDown);

            writer.appendEvents(TestEvents.free("w", 0, 0, Instant.now()));

            assertThat(available.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.hasNextAvailable()).isTrue();
        } finally {
            server.shutdownNow();
        }
    }
}
