package fr.contact.eds.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static fr.contact.eds.eventstore.TestEvents.aggregateBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a store that lost or garbled part of its log does to the engine: nothing silent. The damage is made by hand
 * in the commit collection, as a crashed store that acknowledged too early would leave it.
 */
class LogIntegrityTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();
    private String databaseName;

    @BeforeEach
    void freshDatabase() {
        databaseName = "integrity-" + UUID.randomUUID();
    }

    private MongoDatabase database() {
        return TestEvents.database(mongo.connectionString(), databaseName);
    }

    private MongoCollection<Document> commits() {
        return database().getCollection("eventCommits");
    }

    private CommitLogEventStorageEngine engine(int batchSize) {
        var serializer = TestEvents.serializer();
        return CommitLogEventStorageEngine.builder().database(database()).eventSerializer(serializer)
                .snapshotSerializer(serializer).batchSize(batchSize).pollEvery(Duration.ofMillis(20)).build();
    }

    /** Appends {@code count} single-event commits of fresh aggregates, at positions 0..count-1 of an empty log. */
    private static void appendSingles(CommitLogEventStorageEngine engine, int count) {
        for (int i = 0; i < count; i++) {
            engine.appendEvents(aggregateBatch("agg-" + UUID.randomUUID(), 0, 1, "w", i, Instant.now()));
        }
    }

    private static List<Long> positions(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(e -> e.trackingToken().position().getAsLong()).toList();
    }

    @Nested
    class Writers {

        @Test
        void refusesADatabaseWhoseWritesAFailoverCouldUndo() {
            var serializer = TestEvents.serializer();
            for (WriteConcern weak : List.of(WriteConcern.ACKNOWLEDGED, WriteConcern.MAJORITY,
                    WriteConcern.W1.withJournal(true))) {
                assertThatThrownBy(() -> CommitLogEventStorageEngine.builder()
                        .database(database().withWriteConcern(weak)).eventSerializer(serializer).build())
                        .isInstanceOf(AxonConfigurationException.class)
                        .hasMessageContaining("w=majority with journal=true");
            }
        }

        @Test
        void neverLetsTwoCommitsHoldOnePosition() {
            var engine = engine(100);
            engine.appendEvents(aggregateBatch("a", 0, 5, "w", 0, Instant.now()));
            Document inside = commits().find(eq("_id", 0L)).first();
            CommitDocuments.place(inside, 2);
            inside.put("last", 100L);

            assertThatThrownBy(() -> commits().insertOne(inside)).isInstanceOf(MongoWriteException.class);
        }

        @Test
        void appendsRightAfterTheRealHeadWhenTheCachedOneWasLost() {
            var engine = engine(100);
            appendSingles(engine, 10);
            commits().deleteMany(gte("_id", 7L));

            engine.appendEvents(aggregateBatch("after-loss", 0, 2, "w", 99, Instant.now()));

            assertThat(commits().find(eq("_id", 7L)).first()).isNotNull();
            assertThat(engine.headPosition()).isEqualTo(8);
            assertThat(engine.integrityFaults()).singleElement().satisfies(fault -> {
                assertThat(fault.kind()).isEqualTo(LogFault.Kind.LOST_TAIL);
                assertThat(fault.firstPosition()).isEqualTo(7);
                assertThat(fault.lastPosition()).isEqualTo(9);
            });
        }
    }

    @Nested
    class Readers {

        @Test
        void stopAtAHoleWiderThanTheirBatchAndNameIt() {
            var writer = engine(100);
            appendSingles(writer, 30);
            commits().deleteMany(com.mongodb.client.model.Filters.and(gte("_id", 5L),
                    com.mongodb.client.model.Filters.lt("_id", 20L)));
            var reader = engine(4);

            assertThatThrownBy(() -> reader.readEvents(new GlobalSequenceTrackingToken(4), false).toList())
                    .isInstanceOf(LogIntegrityException.class).hasMessageContaining("HOLE at positions 5..19");
            // Recorded in the store: every other engine stops as well, even one that never reached the hole.
            assertThatThrownBy(() -> engine(100).readEvents(null, false).toList())
                    .isInstanceOf(LogIntegrityException.class);
        }

        @Test
        void stopAtAnOverlapInsteadOfTakingEitherCommit() {
            var writer = engine(100);
            appendSingles(writer, 6);
            commits().dropIndex(CommitLogEventStorageEngine.POSITION_INDEX);
            commits().dropIndex("last_unique");
            // Commit 2 becomes 2..3 while commit 3 still holds 3: two answers for one position.
            Document widened = commits().find(eq("_id", 2L)).first();
            CommitDocuments.entries(widened).add(new Document(CommitDocuments.entries(widened).get(0)));
            CommitDocuments.place(widened, 2);
            commits().replaceOne(eq("_id", 2L), widened);
            var serializer = TestEvents.serializer();
            var reader = CommitLogEventStorageEngine.builder().database(database()).eventSerializer(serializer)
                    .ensureIndexes(false).build();

            assertThatThrownBy(() -> reader.readEvents(null, false).toList())
                    .isInstanceOf(LogIntegrityException.class).hasMessageContaining("OVERLAP at positions 3..3");
            // An engine that starts on such a log cannot build its unique indexes: it says so instead of failing.
            assertThat(engine(100).integrityFaults()).extracting(LogFault::kind).contains(LogFault.Kind.OVERLAP);
        }

        @Test
        void findAHoleBeyondTheHeadThatNoWalkWouldCross() throws Exception {
            var engine = engine(100);
            appendSingles(engine, 3);
            Document stray = commits().find(eq("_id", 2L)).first();
            stray.remove("guards");
            CommitDocuments.place(stray, 40);
            commits().insertOne(stray);

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (engine.integrityFaults().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(engine.integrityFaults()).extracting(LogFault::describe)
                    .anySatisfy(d -> assertThat(d).startsWith("HOLE at positions 3..39"));
        }

        @Test
        void goOnOnceTheOperatorFillsTheHole() {
            var writer = engine(100);
            appendSingles(writer, 12);
            commits().deleteMany(com.mongodb.client.model.Filters.in("_id", List.of(4L, 5L, 6L)));
            assertThatThrownBy(() -> engine(100).readEvents(null, false).toList())
                    .isInstanceOf(LogIntegrityException.class);
            var repair = new CommitLogRepair(database());
            assertThat(repair.check().findings()).extracting(CommitLogRepair.Finding::describe)
                    .singleElement().asString().startsWith("HOLE at positions 4..6");

            repair.fillHole(4, 6, "acknowledged by a store that lost them in a crash, 2026-12-01");

            var all = engine(100).readEvents(null, false).toList();
            assertThat(positions(all)).containsExactlyElementsOf(
                    java.util.stream.LongStream.range(0, 12).boxed().toList());
            assertThat(all.get(5).getPayload()).isEqualTo(new LogPositionsLostEvent(5,
                    "HOLE:4-6", "acknowledged by a store that lost them in a crash, 2026-12-01"));
            assertThat(repair.check().findings()).isEmpty();
            assertThat(repair.check().faults()).isEmpty();
        }

        @Test
        void refuseToFillWhatIsNotAHole() {
            var writer = engine(100);
            appendSingles(writer, 5);
            var repair = new CommitLogRepair(database());

            assertThatThrownBy(() -> repair.fillHole(2, 3, "by mistake")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not a hole");
            assertThatThrownBy(() -> repair.fillHole(5, 6, "past the head"))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
