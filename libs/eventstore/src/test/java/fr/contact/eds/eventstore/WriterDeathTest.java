package fr.contact.eds.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

/** Writers in child JVMs are killed with SIGKILL in the middle of appending. */
class WriterDeathTest {

    @Test
    void aKilledWriterLeavesWholeCommitsAndNoHoleInPositions() throws Exception {
        try (var mongo = new EmbeddedMongo()) {
            String database = "death-" + UUID.randomUUID();
            List<Process> writers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                writers.add(startWriter(mongo.connectionString(), database, "victim-" + i));
            }
            var serializer = TestEvents.serializer();
            var survivor = CommitLogEventStorageEngine.builder()
                    .database(TestEvents.database(mongo.connectionString(), database))
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (survivor.headPosition() < 2_000 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            for (Process writer : writers) {
                writer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            survivor.appendEvents(TestEvents.aggregateBatch("survivor", 0, 20, "survivor", 0, Instant.now()));

            List<? extends TrackedEventMessage<?>> all = survivor.readEvents(null, false).toList();
            assertThat(all.size()).isGreaterThan(2_000);
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).trackingToken().position()).hasValue(i);
            }
            Map<String, Integer> eventsPerBatch = new HashMap<>();
            all.forEach(e -> eventsPerBatch.merge(((org.axonframework.eventhandling.DomainEventMessage<?>) e)
                    .getAggregateIdentifier(), 1, Integer::sum));
            assertThat(eventsPerBatch.values()).as("every batch whole").containsOnly(20);
        }
    }

    private static Process startWriter(String connection, String database, String name) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DyingWriter.class.getName(), connection, database, name)
                .redirectErrorStream(true).start();
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("ready")) {
            // skip start-up noise
        }
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        return process;
    }
}
