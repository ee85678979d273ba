package fr.contact.eds.audit.trail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.contact.eds.eventstore.CommitLogEventStorageEngine;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.crypto.CryptoShreddingSerializer;
import fr.contact.eds.platform.crypto.SubjectKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Audit append throughput with hashing (target 10,000 entries/s): access events are appended to the commit-log store
 * on the embedded server (not timed), then read back, deserialized and appended to the trail in batches of 500, as
 * the audit-trail processor does: leaf hashes, subtree hashes, entries and the size, all written to MongoDB. Run
 * with {@code ./mvnw -pl services/audit -am install -DskipTests} once, then {@code ./mvnw -pl services/audit -Pbench
 * test} ({@code -Dbench.entries=}, {@code -Dbench.batch=}); it prints figures and asserts nothing.
 */
@Tag("bench")
class AuditAppendBenchmark {

    private static final int ENTRIES = Integer.getInteger("bench.entries", 100_000);
    private static final int BATCH = Integer.getInteger("bench.batch", 500);

    @Test
    void appendRate() {
        MongoServer server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                + address.getPort())) {
            var store = client.getDatabase("bench-events")
                    .withWriteConcern(com.mongodb.WriteConcern.MAJORITY.withJournal(true));
            var serializer = new CryptoShreddingSerializer(JacksonSerializer.builder()
                    .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build(),
                    SubjectKeys.on(store.getCollection("subjectKeys"), new byte[32]));
            CommitLogEventStorageEngine engine = CommitLogEventStorageEngine.builder().database(store)
                    .eventSerializer(serializer).snapshotSerializer(serializer).watchCommits(false).build();
            Instant at = Instant.parse("2026-11-23T10:00:00Z");
            List<EventMessage<?>> commit = new ArrayList<>();
            for (int i = 0; i < ENTRIES; i++) {
                commit.add(GenericEventMessage.asEventMessage(new AccessRecordedEvent("access-" + i,
                        at.plusMillis(i), "episodes", "researcher-" + i % 50, "researcher", "project-" + i % 7,
                        "research", fr.contact.eds.platform.api.AccessAction.SEARCH, "Episode",
                        List.of("v1.p" + i % 9973, "v1.p" + i % 7919, "v1.p" + i % 4001),
                        fr.contact.eds.platform.api.AccessOutcome.SUCCESS, "trace-" + i)));
                if (commit.size() == 10) {
                    engine.appendEvents(commit);
                    commit.clear();
                }
            }
            engine.appendEvents(commit);

            AuditLog log = new AuditLog(client.getDatabase("bench-audit"));
            AuditTrailProjection trail = new AuditTrailProjection(log);
            long start = System.nanoTime();
            List<AccessRecordedEvent> batch = new ArrayList<>(BATCH);
            engine.readEvents(null, false).forEach(m -> {
                batch.add((AccessRecordedEvent) m.getPayload());
                if (batch.size() == BATCH) {
                    append(trail, batch);
                }
            });
            append(trail, batch);
            double seconds = (System.nanoTime() - start) / 1e9;

            long directStart = System.nanoTime();
            AuditLog direct = new AuditLog(client.getDatabase("bench-audit-direct"));
            List<AccessRecordedEvent> events = new ArrayList<>(BATCH);
            for (int i = 0; i < ENTRIES; i++) {
                events.add(new AccessRecordedEvent("d-" + i, at, "episodes", "r", "researcher", "project-1", "research",
                        fr.contact.eds.platform.api.AccessAction.READ, "Episode", List.of("v1.p" + i),
                        fr.contact.eds.platform.api.AccessOutcome.SUCCESS, null));
                if (events.size() == BATCH) {
                    direct.append(events);
                    events.clear();
                }
            }
            direct.append(events);
            double directSeconds = (System.nanoTime() - directStart) / 1e9;

            System.out.printf("audit append benchmark: %d entries, batches of %d, embedded store%n", ENTRIES, BATCH);
            System.out.printf("  event store -> trail  %8.0f entries/s  (read, deserialize, hash, write)%n",
                    log.size() / seconds);
            System.out.printf("  trail only            %8.0f entries/s  (hash, write)%n",
                    direct.size() / directSeconds);
            engine.shutDown();
        } finally {
            server.shutdownNow();
        }
    }

    /** One unit of work per batch, as the streaming processor commits them. */
    private static void append(AuditTrailProjection trail, List<AccessRecordedEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.execute(() -> batch.forEach(e -> trail.on(e, ReplayStatus.REGULAR)));
        batch.clear();
    }
}
