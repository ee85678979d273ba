package fr.contact.eds.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
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
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(CommitLogEventStorageEngine.class);

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> snapshots;
    private final CommitSignal signal = new CommitSignal();
    private final long maxBlockMillis;
    private final int maxPositionRetries;
    private final LongConsumer beforeInsert;
    private final LogIntegrity integrity;
    private final LogHead head;
    private final ChangeStreamWatcher watcher;

    protected CommitLogEventStorageEngine(CommitLogEngineBuilder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        // Read only what a majority holds: a write a failover rolls back is never seen, so never built upon.
        this.commits = database.getCollection(builder.commitCollection).withReadConcern(ReadConcern.MAJORITY);
        this.snapshots = database.getCollection(builder.snapshotCollection);
        this.maxBlockMillis = builder.maxBlock.toMillis();
        this.maxPositionRetries = builder.maxPositionRetries;
        this.beforeInsert = builder.beforeInsert;
        this.integrity = new LogIntegrity(database.withReadConcern(ReadConcern.MAJORITY));
        this.head = new LogHead(commits, integrity);
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
                if (landedEarlier(commit)) {
                    return;
                }
                failIfAggregateConflict(commit, events, e);
                failIfPositionsHeldInside(commit);
                if (attempt >= maxPositionRetries) {
                    throw new EventStoreException("No free global position after " + attempt
                            + " attempts (last tried " + first + "): the log's tail keeps moving or is damaged", e);
                }
                backOff(attempt);
                tail = head.current();
            }
        }
    }

    /**
     * A driver that retries an insert after a lost connection may find its own first attempt in place: that is
     * this commit, stored once, not a collision to append again further on.
     */
    private boolean landedEarlier(Document commit) {
        Document there = commits.find(eq("_id", commit.getLong("_id"))).projection(Projections.include("events.eid"))
                .first();
        if (there == null) {
            return false;
        }
        String ours = CommitDocuments.entries(commit).get(0).getString("eid");
        if (!ours.equals(CommitDocuments.entries(there).get(0).getString("eid"))) {
            return false;
        }
        head.advanceTo(commit.getLong("last"));
        signal.signal();
        return true;
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

    /**
     * A collision while nobody starts at our first position means a commit already holds a position further in:
     * the log has a hole before it (or an overlap). Retrying would never succeed, and filling it would hide it.
     */
    private void failIfPositionsHeldInside(Document commit) {
        long first = commit.getLong("_id");
        if (commits.find(eq("_id", first)).projection(Projections.include("_id")).first() != null) {
            return;
        }
        List<Long> positions = CommitDocuments.entries(commit).stream().map(d -> d.getLong("pos")).toList();
        Document holder = commits.find(in("events.pos", positions)).projection(Projections.include("_id", "last"))
                .sort(ascending("_id")).first();
        if (holder == null) {
            return;
        }
        long start = holder.getLong("_id");
        throw start > first
                ? integrity.record(LogFault.Kind.HOLE, first, start - 1,
                        "no commit holds these positions, yet commit " + start + " follows them")
                : integrity.record(LogFault.Kind.OVERLAP, start, holder.getLong("last"), "commit " + start + ".."
                        + holder.getLong("last") + " holds positions after the commit ending at " + (first - 1));
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
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        Document doc = new Document("_id", snapshot.getAggregateIdentifier())
                .append("atype", snapshot.getType())
                .append("seq", snapshot.getSequenceNumber())
                .append("eid", snapshot.getIdentifier())
                .append("ts", snapshot.getTimestamp().toString())
                .append("ptype", payload.getType().getName())
                .append("prev", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("meta", metaData.getData());
        try {
            // Only a newer snapshot replaces the kept one; an older one loses on the unique _id.
            snapshots.replaceOne(
                    and(eq("_id", snapshot.getAggregateIdentifier()), lt("seq", snapshot.getSequenceNumber())),
                    doc, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw new EventStoreException("Could not store snapshot of " + snapshot.getAggregateIdentifier(), e);
            }
        }
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

    /**
     * Reads the commits that start within the next {@code batchSize} positions with one {@code $in} on
     * {@code _id}, plus, when the token points inside a commit, the commit that holds the next position. Every
     * position up to the known head must be held by exactly one commit: anything else stops the reader.
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        integrity.requireIntact();
        long after = positionOf(lastToken);
        // A tailing reader asks only up to the head it knows of, not for a whole batch of positions that do not
        // exist yet: every service's processors do this on each commit.
        long known = head.known();
        if (known == LogHead.UNKNOWN || known <= after) {
            known = head.current();
        }
        if (known <= after) {
            return List.of();
        }
        long until = Math.min(after + batchSize, known);
        List<Long> window = new ArrayList<>((int) (until - after));
        for (long p = after + 1; p <= until; p++) {
            window.add(p);
        }
        List<Document> found = new ArrayList<>();
        commits.find(in("_id", window)).into(found);
        found.sort(Comparator.comparingLong(d -> d.getLong("_id")));
        Document holding = null;
        if (found.isEmpty() || found.get(0).getLong("_id") != after + 1) {
            // A token saved inside a commit (a processor that stopped mid-way): the commit holding the next position.
            holding = commits.find(eq("events.pos", after + 1)).first();
            if (holding != null) {
                found.add(0, holding);
            }
        }
        List<TrackedEventData<?>> result = new ArrayList<>();
        long expected = after + 1;
        for (Document commit : found) {
            long first = commit.getLong("_id");
            if (first > expected) {
                throw head.missing(expected);
            }
            if (first < expected && commit != holding) {
                throw integrity.record(LogFault.Kind.OVERLAP, first, expected - 1, "commit " + first + ".."
                        + commit.getLong("last") + " starts inside the commit ending at " + (expected - 1));
            }
            for (Document entry : CommitDocuments.entries(commit)) {
                long position = entry.getLong("pos");
                if (position > after) {
                    result.add(CommitDocuments.toTracked(entry, position));
                }
            }
            expected = commit.getLong("last") + 1;
        }
        if (expected <= until) {
            throw head.missing(expected);
        }
        return result;
    }

    /**
     * One batch for a tailing reader: the events of whole commits from just after {@code after}, upcast and
     * deserialized. Reading whole commits keeps readers' tokens on commit boundaries.
     */
    List<TrackedEventMessage<?>> readBatch(TrackingToken after, int batchSize) {
        return EventUtils.upcastAndDeserializeTrackedEvents(fetchTrackedEvents(after, batchSize).stream(),
                getEventSerializer(), upcasterChain).collect(Collectors.toList());
    }

    /**
     * Follows the aggregate's own chain of commits: each starts at the previous one's last sequence + 1,
     * which is exactly its guard, so every step is a unique-key lookup. A start inside a commit falls
     * back to a search on the aggregate's sequence ranges.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
            int batchSize) {
        List<DomainEventData<?>> result = new ArrayList<>();
        Document commit = commits.find(eq("guards", aggregateIdentifier + "#" + firstSequenceNumber)).first();
        if (commit == null && firstSequenceNumber > 0) {
            commit = commits.find(elemMatch("aggSeq", and(eq("a", aggregateIdentifier),
                    lte("f", firstSequenceNumber), gte("l", firstSequenceNumber)))).first();
        }
        while (commit != null) {
            long last = -1;
            for (Document entry : commit.getList("events", Document.class)) {
                if (aggregateIdentifier.equals(entry.getString("aid"))) {
                    last = entry.getLong("seq");
                    if (last >= firstSequenceNumber) {
                        result.add(CommitDocuments.toDomain(entry));
                    }
                }
            }
            if (result.size() >= batchSize) {
                break;
            }
            commit = commits.find(eq("guards", aggregateIdentifier + "#" + (last + 1))).first();
        }
        return result;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document doc = snapshots.find(eq("_id", aggregateIdentifier)).first();
        return doc == null ? Stream.empty()
                : Stream.of(CommitDocuments.toDomain(doc.append("aid", aggregateIdentifier)));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Optional<Long> last = Optional.empty();
        long next = 0;
        for (Document commit; (commit = commits.find(eq("guards", aggregateIdentifier + "#" + next))
                .projection(Projections.include("aggSeq")).first()) != null;) {
            long l = commit.getList("aggSeq", Document.class).stream()
                    .filter(d -> aggregateIdentifier.equals(d.getString("a")))
                    .mapToLong(d -> d.getLong("l")).findFirst().orElseThrow();
            last = Optional.of(l);
            next = l + 1;
        }
        return last;
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
