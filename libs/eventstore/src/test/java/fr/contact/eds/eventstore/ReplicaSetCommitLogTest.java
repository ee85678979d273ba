package fr.contact.eds.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** The concurrent-writers scenario against a real MongoDB replica set, where Docker is available. */
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
}
