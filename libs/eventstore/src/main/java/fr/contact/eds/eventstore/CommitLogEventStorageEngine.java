package fr.contact.eds.eventstore;

import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Sorts.ascending;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Event storage as a contiguous log of commit documents. Each unit of work becomes one document
 * whose {@code _id} is its first global position and whose {@code last} is its last one; a commit
 * may only start right after a commit that ends there, checked before inserting. Unique indexes on {@code _id},
 * on {@code last} and on every event's position make any writer that saw a stale tail collide instead of
 * interleaving or overlapping, and a unique multikey index on {@code guards} ("aggregate#first sequence") rejects a
 * second writer appending the same aggregate sequence. Positions are therefore gap-free and never depend on clocks.
 * What a contiguous log cannot contain (a hole, an overlap, a head that went back) is a {@link LogFault}: recorded,
 * and readers stop at it instead of skipping. See README.md for the reasoning.
 */
public class CommitLogEventStorageEngine extends BatchingEventStorageEngine {

    static final String GUARD_INDEX = "guards_unique";
    static final String POSITION_INDEX = "positions_unique";

    private final MongoCollection<Document> commits;
    private final SnapshotStore snapshots;
    private final AggregateStreams aggregates;
    private final CommitSignal signal = new CommitSignal();
    private final long maxBlockMillis;
    private final int maxPositionRetries;
    private final LongConsumer beforeInsert;
    private final LogIntegrity integrity;
    private final LogHead head;
    private final TrackedReads reads;
    private final CommitCollisions collisions;
    private final ChangeStreamWatcher watcher;

    protected CommitLogEventStorageEngine(CommitLogEngineBuilder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        // Read only what a majority holds: a write a failover rolls back is never seen, so never built upon.
        this.commits = database.getCollection(builder.commitCollection).withReadConcern(ReadConcern.MAJORITY);
        this.snapshots = new SnapshotStore(database.getCollection(builder.snapshotCollection));
        this.aggregates = new AggregateStreams(commits);
        this.maxBlockMillis = builder.maxBlock.toMillis();
        this.maxPositionRetries = builder.maxPositionRetries;
        this.beforeInsert = builder.beforeInsert;
        this.integrity = new LogIntegrity(database.withReadConcern(ReadConcern.MAJORITY));
        this.head = new LogHead(commits, integrity);
        this.reads = new TrackedReads(commits, head, integrity);
        this.collisions = new CommitCollisions(commits, integrity);
        if (builder.ensureIndexes) {
            ensureIndexes();
        }
        this.watcher = builder.watchCommits
                ? ChangeStreamWatcher.start(commits, signal::signal, head::current, head::check,
                        builder.pollEvery.toMillis())
                : null;
    }

    public static CommitLogEngineBuilder builder() {
        return new CommitLogEngineBuilder();
    }

    public void ensureIndexes() {
        // Sparse: commits without aggregate events carry no guards, and must not collide on "missing".
        commits.createIndex(Indexes.ascending("guards"),
                new IndexOptions().unique(true).sparse(true).name(GUARD_INDEX));
        commits.createIndex(Indexes.ascending("aggSeq.a", "aggSeq.f"), new IndexOptions().name("aggregate_sequence"));
        commits.createIndex(Indexes.ascending("maxTs"), new IndexOptions().name("max_timestamp"));
        try {
            commits.createIndex(Indexes.ascending("last"), new IndexOptions().unique(true).name("last_unique"));
            // Every position, not only a commit's ends: two commits can never share one.
            commits.createIndex(Indexes.ascending("events.pos"),
                    new IndexOptions().unique(true).name(POSITION_INDEX));
        } catch (MongoException e) {
            integrity.record(LogFault.Kind.OVERLAP, 0, Math.max(0, head.current()),
                    "the stored log already holds some position twice (" + e.getMessage()
                            + "); run the log check to find where");
        }
    }

    CommitSignal signal() {
        return signal;
    }

    /** The unresolved integrity faults of the log, as recorded in the store (at most a second old). */
    public List<LogFault> integrityFaults() {
        return integrity.activeFaults();
    }

    /** Stops the change-stream watcher, if any. */
    public void shutDown() {
        if (watcher != null) {
            watcher.close();
        }
    }

    // ---------------------------------------------------------------- append

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        Document commit = CommitDocuments.toCommit(events, serializer);
        // The cached head is only a hint: it is checked to end a commit before anything is appended after it.
        long tail = head.known() == LogHead.UNKNOWN ? head.current() : head.known();
        for (int attempt = 1;; attempt++) {
            if (tail >= 0 && !head.endsAt(tail)) {
                tail = head.revalidate();
            }
            long first = tail + 1;
            CommitDocuments.place(commit, first);
            beforeInsert.accept(first);
            try {
                commits.insertOne(commit);
                head.advanceTo(commit.getLong("last"));
                signal.signal();
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    handlePersistenceException(e, events.get(0));
                }
                if (collisions.landedEarlier(commit)) {
                    head.advanceTo(commit.getLong("last"));
                    signal.signal();
                    return;
                }
                failIfAggregateConflict(commit, events, e);
                collisions.failIfPositionsHeldInside(commit);
                if (attempt >= maxPositionRetries) {
                    throw new EventStoreException("No free global position after " + attempt
                            + " attempts (last tried " + first + "): the log's tail keeps moving or is damaged", e);
                }
                backOff(attempt);
                tail = head.current();
            }
        }
    }

    private void failIfAggregateConflict(Document commit, List<? extends EventMessage<?>> events,
            MongoWriteException e) {
        List<String> guards = CommitDocuments.guards(commit);
        if (guards == null) {
            return;
        }
        Document clash = commits.find(in("guards", guards)).projection(Projections.include("_id", "guards")).first();
        if (clash == null) {
            return;
        }
        EventMessage<?> failed = events.stream()
                .<EventMessage<?>>map(m -> m)
                .filter(DomainEventMessage.class::isInstance)
                .filter(m -> guards.contains(CommitDocuments.guardOf((DomainEventMessage<?>) m)))
                .findFirst().orElse(events.get(0));
        handlePersistenceException(e, failed);
    }

    private static void backOff(int attempt) {
        if (attempt < 3) {
            return;
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.min(50, 2L * attempt)));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("Interrupted while appending", ie);
        }
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshots.store(snapshot, serializer);
    }

    // ---------------------------------------------------------------- read

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (mayBlock && maxBlockMillis > 0) {
            long position = positionOf(trackingToken);
            long deadline = System.nanoTime() + maxBlockMillis * 1_000_000;
            try {
                for (long seen = signal.generation(); head.current() <= position; seen = signal.generation()) {
                    long remaining = (deadline - System.nanoTime()) / 1_000_000;
                    if (remaining <= 0) {
                        break;
                    }
                    signal.awaitChangeFrom(seen, remaining);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return super.readEventData(trackingToken, mayBlock);
    }

    /** Every position up to the known head must be held by exactly one commit: anything else stops the reader. */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return reads.after(positionOf(lastToken), batchSize);
    }

    /**
     * One batch for a tailing reader: the events of whole commits from just after {@code after}, upcast and
     * deserialized. Reading whole commits keeps readers' tokens on commit boundaries.
     */
    List<TrackedEventMessage<?>> readBatch(TrackingToken after, int batchSize) {
        return EventUtils.upcastAndDeserializeTrackedEvents(fetchTrackedEvents(after, batchSize).stream(),
                getEventSerializer(), upcasterChain).collect(Collectors.toList());
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
            int batchSize) {
        return aggregates.events(aggregateIdentifier, firstSequenceNumber, batchSize);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshots.read(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return aggregates.lastSequenceNumber(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        Document first = commits.find().sort(ascending("_id")).projection(Projections.include("_id")).first();
        return first == null ? null : new GlobalSequenceTrackingToken(first.getLong("_id") - 1);
    }

    @Override
    public TrackingToken createHeadToken() {
        long position = head.current();
        return position < 0 ? null : new GlobalSequenceTrackingToken(position);
    }

    /**
     * A token before every event whose timestamp is at or after {@code dateTime}. Timestamps come from
     * writers' clocks, so events stamped earlier may follow it too; none stamped later is skipped.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Document first = commits.find(gte("maxTs", Date.from(dateTime))).sort(ascending("_id"))
                .projection(Projections.include("_id")).first();
        return first == null ? createHeadToken() : new GlobalSequenceTrackingToken(first.getLong("_id") - 1);
    }

    /** The position of the newest committed event, or -1 when the log is empty. */
    public long headPosition() {
        return head.current();
    }

    private static long positionOf(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        return token.position().orElseThrow(() -> new IllegalArgumentException("Token without a position: " + token));
    }
}
