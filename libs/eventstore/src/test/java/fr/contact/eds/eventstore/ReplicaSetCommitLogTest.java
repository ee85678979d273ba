package fr.contact.eds.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The concurrent-writers scenario against a real MongoDB replica set, where Docker is available, and writers that
 * keep appending while the primary steps down: what was acknowledged at w=majority survives, nothing is doubled.
 */
@Testcontainers(disabledWithoutDocker = true)
class ReplicaSetCommitLogTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0").withReplicaSet();

    @Test
    void everyReaderSeesEveryEventOnceInOneOrderOnAReplicaSet() throws Exception {
        String name = "rs-" + UUID.randomUUID();
        var scenario = new ConcurrentWritersScenario(
                () -> TestEvents.database(MONGO.getReplicaSetUrl(name), name), 4, 250, 3);
        var serializer = TestEvents.serializer();

        var outcome = scenario.run(db -> CommitLogEventStorageEngine.builder().database(db)
                .eventSerializer(serializer).snapshotSerializer(serializer)
                .beforeInsert(ConcurrentWritersScenario.randomDelays()).build());

        assertThat(outcome.written()).hasSize(3000);
        ConcurrentWritersScenario.assertEveryReaderSawEverythingOnceInOneOrder(outcome);
    }

    @Test
    void keepsEveryAcknowledgedCommitWhenThePrimaryStepsDownMidRun() throws Exception {
        String name = "stepdown-" + UUID.randomUUID();
        var serializer = TestEvents.serializer();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            var engine = CommitLogEventStorageEngine.builder()
                    .database(TestEvents.database(MONGO.getReplicaSetUrl(name), name))
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            String writer = "writer-" + w;
            Thread thread = new Thread(() -> {
                for (long unit = 0; writing.get(); unit++) {
                    var event = TestEvents.free(writer, unit, 0, Instant.now());
                    try {
                        engine.appendEvents(event);
                        acknowledged.add(event.getIdentifier());
                    } catch (RuntimeException e) {
                        // not acknowledged: the primary is away; try the next unit
                    }
                }
            });
            thread.start();
            writers.add(thread);
        }
        Thread.sleep(2_000);
        try (MongoClient admin = MongoClients.create(MONGO.getReplicaSetUrl("admin"))) {
            admin.getDatabase("admin").runCommand(new Document("replSetStepDown", 5).append("force", true));
        } catch (MongoException e) {
            // the server closes connections as it steps down
        }
        Thread.sleep(12_000);
        writing.set(false);
        for (Thread thread : writers) {
            thread.join(30_000);
        }

        var reader = CommitLogEventStorageEngine.builder()
                .database(TestEvents.database(MONGO.getReplicaSetUrl(name), name))
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
        var stored = reader.readEvents(null, false).map(e -> e.getIdentifier()).toList();
        assertThat(stored).containsAll(acknowledged).doesNotHaveDuplicates();
        assertThat(reader.headPosition()).isEqualTo(stored.size() - 1);
        assertThat(reader.integrityFaults()).isEmpty();
    }
}
