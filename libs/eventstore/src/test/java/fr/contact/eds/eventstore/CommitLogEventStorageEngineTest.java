package fr.contact.eds.eventstore;

import static fr.contact.eds.eventstore.TestEvents.aggregateBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import fr.contact.eds.eventstore.TestEvents.ThingHappenedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CommitLogEventStorageEngineTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();
    private String databaseName;

    @BeforeEach
    void freshDatabase() {
        databaseName = "es-" + UUID.randomUUID();
    }

    /** Each call opens its own client, as a separate writer pod would. */
    private MongoDatabase newClient() {
        return TestEvents.database(mongo.connectionString(), databaseName);
    }

    private CommitLogEventStorageEngine engine() {
        return engine(CommitLogEventStorageEngine.builder());
    }

    private CommitLogEventStorageEngine engine(CommitLogEngineBuilder builder) {
        var serializer = TestEvents.serializer();
        return builder.database(newClient()).eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    private static List<? extends TrackedEventMessage<?>> readAll(CommitLogEventStorageEngine engine) {
        return engine.readEvents(null, false).toList();
    }

    @Nested
    class Appending {

        @Test
        void givesContiguousGlobalPositionsAcrossCommits() {
            var engine = engine();
            engine.appendEvents(aggregateBatch("a", 0, 3, "w", 0, Instant.now()));
            engine.appendEvents(TestEvents.free("w", 1, 0, Instant.now()));
            engine.appendEvents(aggregateBatch("b", 0, 2, "w", 2, Instant.now()));

            assertThat(readAll(engine)).extracting(e -> e.trackingToken().position().getAsLong())
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            assertThat(engine.headPosition()).isEqualTo(5);
        }

        @Test
        void keepsEventsWithoutAggregateAsPlainEvents() {
            var engine = engine();
            engine.appendEvents(TestEvents.free("w", 0, 0, Instant.now()));

            var read = readAll(engine).get(0);
            assertThat(read).isNotInstanceOf(DomainEventMessage.class);
            assertThat(read.getPayload()).isEqualTo(new TestEvents.AccessNotedEvent("w", 0, 0));
            assertThat(read.getMetaData()).containsEntry("writer", "w");
        }

        @Test
        void rejectsASecondCreatorOfTheSameAggregate() {
            var first = engine();
            var second = engine();
            first.appendEvents(aggregateBatch("a", 0, 1, "first", 0, Instant.now()));

            assertThatThrownBy(() -> second.appendEvents(aggregateBatch("a", 0, 1, "second", 0, Instant.now())))
                    .isInstanceOf(AggregateStreamCreationException.class);
            assertThat(readAll(first)).hasSize(1);
        }

        @Test
        void rejectsAStaleWriterOfAnAggregateSequence() {
            var fresh = engine();
            var stale = engine();
            fresh.appendEvents(aggregateBatch("a", 0, 2, "fresh", 0, Instant.now()));
            fresh.appendEvents(aggregateBatch("a", 2, 3, "fresh", 1, Instant.now()));

            // The stale writer loaded the aggregate at sequence 1 and appends 2..3 over the fresh 2..4.
            assertThatThrownBy(() -> stale.appendEvents(aggregateBatch("a", 2, 2, "stale", 0, Instant.now())))
                    .isInstanceOf(ConcurrencyException.class);
            assertThat(readAll(fresh)).hasSize(5)
                    .allSatisfy(e -> assertThat(e.getMetaData()).containsEntry("writer", "fresh"));
        }

        @Test
        void letsExactlyOneOfManyRacingWritersAppendTheSameSequence() throws Exception {
            engine().appendEvents(aggregateBatch("a", 0, 1, "creator", 0, Instant.now()));
            var racers = List.of(engine(), engine(), engine(), engine());
            var outcomes = racers.stream().map(e -> CompletableFuture.supplyAsync(() -> {
                try {
                    e.appendEvents(aggregateBatch("a", 1, 2, "racer", 0, Instant.now()));
                    return true;
                } catch (ConcurrencyException lost) {
                    return false;
                }
            })).toList();

            long winners = 0;
            for (var outcome : outcomes) {
                winners += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(readAll(racers.get(0))).hasSize(3);
        }
    }

    @Nested
    class Tracking {

        @Test
        void everyReaderSeesEveryEventOnceInOneOrderDespiteSkewedClocksAndSlowCommits() throws Exception {
            var scenario = new ConcurrentWritersScenario(CommitLogEventStorageEngineTest.this::newClient, 4, 250, 3);
            var serializer = TestEvents.serializer();

            var outcome = scenario.run(db -> CommitLogEventStorageEngine.builder().database(db)
                    .eventSerializer(serializer).snapshotSerializer(serializer)
                    .beforeInsert(ConcurrentWritersScenario.randomDelays()).build());

            assertThat(outcome.written()).hasSize(3000);
            ConcurrentWritersScenario.assertEveryReaderSawEverythingOnceInOneOrder(outcome);
        }

        @Test
        void doesNotSkipACommitStampedEarlierThanWhatAReaderAlreadySaw() {
            var punctual = engine();
            var late = engine();
            punctual.appendEvents(aggregateBatch("a", 0, 3, "punctual", 0, Instant.now()));
            var seen = readAll(punctual);

            late.appendEvents(aggregateBatch("b", 0, 3, "late", 0, Instant.now().minusSeconds(5)));

            var next = punctual.readEvents(seen.get(2).trackingToken(), false).toList();
            assertThat(next).hasSize(3).allSatisfy(e -> assertThat(e.getMetaData()).containsEntry("writer", "late"));
        }

        @Test
        void wakesABlockedReaderWhenAnotherClientCommits() throws Exception {
            var reader = engine(CommitLogEventStorageEngine.builder().maxBlock(Duration.ofSeconds(20)));
            var writer = engine();
            writer.appendEvents(TestEvents.free("w", 0, 0, Instant.now()));
            var head = reader.createHeadToken();

            var blocked = CompletableFuture.supplyAsync(() -> reader.readEvents(head, true).toList());
            Thread.sleep(200);
            writer.appendEvents(TestEvents.free("w", 1, 0, Instant.now()));

            // Well before the 20 s block ends: the change stream woke the reader.
            assertThat(blocked.get(5, TimeUnit.SECONDS)).hasSize(1);
        }

        @Test
        void resumesFromATokenInsideACommit() {
            var engine = engine();
            engine.appendEvents(aggregateBatch("a", 0, 4, "w", 0, Instant.now()));
            engine.appendEvents(aggregateBatch("b", 0, 2, "w", 1, Instant.now()));

            assertThat(engine.readEvents(new GlobalSequenceTrackingToken(1), false).toList())
                    .extracting(e -> e.trackingToken().position().getAsLong()).containsExactly(2L, 3L, 4L, 5L);
        }

        @Test
        void resumesInsideACommitLargerThanThePositionsItProbesBelow() {
            var engine = engine();
            engine.appendEvents(aggregateBatch("a", 0, 2500, "w", 0, Instant.now()));
            engine.appendEvents(aggregateBatch("b", 0, 2, "w", 1, Instant.now()));

            assertThat(engine.readEvents(new GlobalSequenceTrackingToken(2497), false).toList())
                    .extracting(e -> e.trackingToken().position().getAsLong())
                    .containsExactly(2498L, 2499L, 2500L, 2501L);
        }

        @Test
        void createsTailHeadAndTimeTokens() {
            var engine = engine();
            assertThat(engine.createTailToken()).isNull();
            assertThat(engine.createHeadToken()).isNull();
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            engine.appendEvents(aggregateBatch("a", 0, 2, "w", 0, start));
            engine.appendEvents(aggregateBatch("a", 2, 2, "w", 1, start.plusSeconds(60)));

            assertThat(engine.createTailToken()).isEqualTo(new GlobalSequenceTrackingToken(-1));
            assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(3));
            assertThat(engine.createTokenAt(start.plusSeconds(30))).isEqualTo(new GlobalSequenceTrackingToken(1));
            assertThat(engine.createTokenAt(start.minusSeconds(30))).isEqualTo(new GlobalSequenceTrackingToken(-1));
            assertThat(engine.createTokenAt(start.plusSeconds(3600))).isEqualTo(new GlobalSequenceTrackingToken(3));
        }

        @Test
        void readsLargeLogsInBatchesWithoutLosingTheCommitThatSpansABatchBoundary() {
            var engine = engine(CommitLogEventStorageEngine.builder().batchSize(7));
            for (int b = 0; b < 20; b++) {
                engine.appendEvents(aggregateBatch("a", b * 5L, 5, "w", b, Instant.now()));
            }
            assertThat(readAll(engine)).extracting(e -> e.trackingToken().position().getAsLong())
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 100).boxed().toList());
        }
    }

    @Nested
    class Aggregates {

        @Test
        void readsAnAggregateFromAGivenSequence() {
            var engine = engine(CommitLogEventStorageEngine.builder().batchSize(2));
            engine.appendEvents(aggregateBatch("a", 0, 3, "w", 0, Instant.now()));
            engine.appendEvents(aggregateBatch("other", 0, 3, "w", 1, Instant.now()));
            engine.appendEvents(aggregateBatch("a", 3, 3, "w", 2, Instant.now()));

            assertThat(engine.readEvents("a", 2).asStream()).extracting(DomainEventMessage::getSequenceNumber)
                    .containsExactly(2L, 3L, 4L, 5L);
            assertThat(engine.lastSequenceNumberFor("a")).contains(5L);
            assertThat(engine.lastSequenceNumberFor("none")).isEmpty();
        }

        @Test
        void keepsOnlyTheNewestSnapshot() {
            var engine = engine();
            engine.storeSnapshot(snapshot(10));
            engine.storeSnapshot(snapshot(4));

            assertThat(engine.readSnapshot("a")).get().extracting(DomainEventMessage::getSequenceNumber).isEqualTo(10L);
            engine.storeSnapshot(snapshot(12));
            assertThat(engine.readSnapshot("a")).get().extracting(DomainEventMessage::getSequenceNumber).isEqualTo(12L);
        }

        private DomainEventMessage<ThingHappenedEvent> snapshot(long sequence) {
            return new GenericDomainEventMessage<>(TestEvents.AGGREGATE_TYPE, "a", sequence,
                    new ThingHappenedEvent("snap", sequence, 0));
        }

        @Test
        void upcastsStoredRevisionsWhenReading() {
            var plain = engine();
            plain.appendEvents(aggregateBatch("a", 0, 1, "w", 0, Instant.now()));

            var upcasting = engine(CommitLogEventStorageEngine.builder().upcasterChain(new RenamesWriter()));
            List<? extends EventMessage<?>> read = upcasting.readEvents("a", 0).asStream().toList();
            assertThat(read.get(0).getPayload()).isEqualTo(new ThingHappenedEvent("w (upcast)", 0, 0));
        }
    }

    /** Turns revision null of ThingHappenedEvent into revision "2", rewriting the writer field. */
    static final class RenamesWriter extends SingleEventUpcaster {

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().getName().equals(ThingHappenedEvent.class.getName())
                    && representation.getType().getRevision() == null;
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(new SimpleSerializedType(ThingHappenedEvent.class.getName(), "2"),
                    com.fasterxml.jackson.databind.JsonNode.class, node -> {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("writer",
                                node.get("writer").asText() + " (upcast)");
                        return node;
                    });
        }
    }
}
