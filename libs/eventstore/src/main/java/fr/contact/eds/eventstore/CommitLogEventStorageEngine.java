package fr.contact.eds.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Event storage as a contiguous log of commit documents. Each unit of work becomes one document
 * whose {@code _id} is its first global position and whose {@code last} is its last one; a commit
 * may only start right after the newest commit its writer has seen. The unique {@code _id} makes any
 * writer that saw a stale tail collide instead of interleaving, and a unique multikey index on
 * {@code guards} ("aggregate#first sequence") rejects a second writer appending the same aggregate
 * sequence. Positions are therefore gap-free and never depend on clocks: a tracking reader that has
 * seen position p can never later find a commit below p. See README.md for the reasoning.
 */
public class CommitLogEventStorageEngine extends BatchingEventStorageEngine {

    static final String GUARD_INDEX = "guards_unique";
    private static final long UNKNOWN = Long.MIN_VALUE;
    /** How far below a position to look for the commit holding it: more than any batched commit's size. */
    private static final int HOLDING_PROBE = 2048;

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> snapshots;
    private final CommitSignal signal = new CommitSignal();
    private final long maxBlockMillis;
    private final int maxPositionRetries;
    private final LongConsumer beforeInsert;
    private final ChangeStreamWatcher watcher;
    private final AtomicLong knownHead = new AtomicLong(UNKNOWN);

    protected CommitLogEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        this.commits = database.getCollection(builder.commitCollection);
        this.snapshots = database.getCollection(builder.snapshotCollection);
        this.maxBlockMillis = builder.maxBlock.toMillis();
        this.maxPositionRetries = builder.maxPositionRetries;
        this.beforeInsert = builder.beforeInsert;
        if (builder.ensureIndexes) {
            ensureIndexes();
        }
        this.watcher = builder.watchCommits
                ? ChangeStreamWatcher.start(commits, signal::signal, this::headPosition, builder.pollEvery.toMillis())
                : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    public void ensureIndexes() {
        commits.createIndex(Indexes.ascending("last"), new IndexOptions().unique(true).name("last_unique"));
        // Sparse: commits without aggregate events carry no guards, and must not collide on "missing".
        commits.createIndex(Indexes.ascending("guards"),
                new IndexOptions().unique(true).sparse(true).name(GUARD_INDEX));
        commits.createIndex(Indexes.ascending("aggSeq.a", "aggSeq.f"), new IndexOptions().name("aggregate_sequence"));
        commits.createIndex(Indexes.ascending("maxTs"), new IndexOptions().name("max_timestamp"));
    }

    CommitSignal signal() {
        return signal;
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
        Document commit = toCommit(events, serializer);
        for (int attempt = 1;; attempt++) {
            // First try right after the last head this engine saw: it is never ahead of the true head, so
            // the insert either lands at head + 1 or collides; only a collision costs a walk to the head.
            long known = knownHead.get();
            long first = (attempt == 1 && known != UNKNOWN ? known : headPosition()) + 1;
            commit.put("_id", first);
            commit.put("last", first + events.size() - 1);
            setPositions(commit, first);
            beforeInsert.accept(first);
            try {
                commits.insertOne(commit);
                knownHead.accumulateAndGet(commit.getLong("last"), Math::max);
                signal.signal();
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    handlePersistenceException(e, events.get(0));
                }
                failIfAggregateConflict(commit, events, e);
                if (attempt >= maxPositionRetries) {
                    throw new EventStoreException("No free global position after " + attempt + " attempts", e);
                }
                backOff(attempt);
            }
        }
    }

    private void failIfAggregateConflict(Document commit, List<? extends EventMessage<?>> events,
            MongoWriteException e) {
        @SuppressWarnings("unchecked")
        List<String> guards = (List<String>) commit.get("guards");
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
                .filter(m -> guards.contains(guardOf((DomainEventMessage<?>) m)))
                .findFirst().orElse(events.get(0));
        handlePersistenceException(e, failed);
    }

    private static String guardOf(DomainEventMessage<?> m) {
        return m.getAggregateIdentifier() + "#" + m.getSequenceNumber();
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

    private Document toCommit(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<Document> entries = new ArrayList<>(events.size());
        Map<String, long[]> ranges = new LinkedHashMap<>();
        Instant maxTs = Instant.MIN;
        for (EventMessage<?> event : events) {
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
            Document entry = new Document("eid", event.getIdentifier())
                    .append("ts", event.getTimestamp().toString())
                    .append("ptype", payload.getType().getName())
                    .append("prev", payload.getType().getRevision())
                    .append("payload", payload.getData())
                    .append("meta", metaData.getData());
            if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                entry.append("atype", domain.getType())
                        .append("aid", domain.getAggregateIdentifier())
                        .append("seq", domain.getSequenceNumber());
                ranges.merge(domain.getAggregateIdentifier(),
                        new long[]{domain.getSequenceNumber(), domain.getSequenceNumber()},
                        (a, b) -> new long[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
            entries.add(entry);
            if (event.getTimestamp().isAfter(maxTs)) {
                maxTs = event.getTimestamp();
            }
        }
        Document commit = new Document("_id", -1L).append("last", -1L)
                .append("maxTs", Date.from(maxTs))
                .append("events", entries);
        if (!ranges.isEmpty()) {
            List<String> guards = new ArrayList<>();
            List<Document> aggSeq = new ArrayList<>();
            ranges.forEach((aggregate, range) -> {
                guards.add(aggregate + "#" + range[0]);
                aggSeq.add(new Document("a", aggregate).append("f", range[0]).append("l", range[1]));
            });
            commit.append("guards", guards).append("aggSeq", aggSeq);
        }
        return commit;
    }

    private static void setPositions(Document commit, long first) {
        @SuppressWarnings("unchecked")
        List<Document> entries = (List<Document>) commit.get("events");
        for (int i = 0; i < entries.size(); i++) {
            entries.get(i).put("pos", first + i);
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
                for (long seen = signal.generation(); headPosition() <= position; seen = signal.generation()) {
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
     * {@code _id}, plus, when the token points inside a commit, the commit that holds the next position.
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        long after = positionOf(lastToken);
        // A tailing reader asks only up to the head it knows of, not for a whole batch of positions that do not
        // exist yet: every service's processors do this on each commit.
        long known = knownHead.get();
        if (known == UNKNOWN || known <= after) {
            known = headPosition();
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
        if (found.isEmpty() || found.get(0).getLong("_id") != after + 1) {
            Document holding = commitHolding(after + 1);
            if (holding != null) {
                found.add(0, holding);
            }
        }
        List<TrackedEventData<?>> result = new ArrayList<>();
        long expected = -1;
        for (Document commit : found) {
            long first = commit.getLong("_id");
            if (expected >= 0 && first != expected) {
                break;
            }
            for (Document entry : commit.getList("events", Document.class)) {
                long position = entry.getLong("pos");
                if (position > after) {
                    result.add(toTracked(entry, position));
                }
            }
            expected = commit.getLong("last") + 1;
        }
        return result;
    }

    /**
     * The commit that holds {@code position} without starting at it: a token saved inside a commit (a processor
     * that stopped mid-way). Commits are contiguous, so it is the nearest one starting before; the positions just
     * below are probed by unique key first, since a range query is a full scan on the embedded server.
     */
    private Document commitHolding(long position) {
        List<Long> below = new ArrayList<>(HOLDING_PROBE);
        for (long p = position - 1; p >= Math.max(0, position - HOLDING_PROBE); p--) {
            below.add(p);
        }
        Document nearest = commits.find(in("_id", below)).projection(Projections.include("_id", "last"))
                .sort(descending("_id")).first();
        if (nearest != null) {
            return nearest.getLong("last") >= position ? commits.find(eq("_id", nearest.getLong("_id"))).first() : null;
        }
        return commits.find(and(lt("_id", position), gte("last", position))).first();
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
                        result.add(toDomain(entry));
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
        return doc == null ? Stream.empty() : Stream.of(toDomain(doc.append("aid", aggregateIdentifier)));
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
        long head = headPosition();
        return head < 0 ? null : new GlobalSequenceTrackingToken(head);
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

    /**
     * The position of the newest committed event, or -1 when the log is empty. Walks the chain of commits
     * from the last head this engine knew ({@code _id == last + 1}), so each step is a unique-key lookup.
     */
    public long headPosition() {
        long head = knownHead.get();
        if (head == UNKNOWN) {
            Document last = commits.find().sort(descending("_id")).projection(Projections.include("last")).first();
            head = last == null ? -1 : last.getLong("last");
        }
        for (Document next; (next = commits.find(eq("_id", head + 1)).projection(Projections.include("last"))
                .first()) != null;) {
            head = next.getLong("last");
        }
        long found = head;
        return knownHead.accumulateAndGet(found, Math::max);
    }

    private static long positionOf(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        return token.position().orElseThrow(() -> new IllegalArgumentException("Token without a position: " + token));
    }

    private static TrackedEventData<?> toTracked(Document entry, long position) {
        if (entry.getString("aid") == null) {
            return new StoredEvent(position, entry.getString("eid"), Instant.parse(entry.getString("ts")),
                    entry.getString("ptype"), entry.getString("prev"), entry.getString("payload"),
                    entry.getString("meta"));
        }
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position), toDomain(entry));
    }

    private static DomainEventData<String> toDomain(Document entry) {
        return new GenericDomainEventEntry<>(entry.getString("atype"), entry.getString("aid"), entry.getLong("seq"),
                entry.getString("eid"), entry.getString("ts"), entry.getString("ptype"), entry.getString("prev"),
                entry.getString("payload"), entry.getString("meta"));
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private String commitCollection = "eventCommits";
        private String snapshotCollection = "eventSnapshots";
        private Duration maxBlock = Duration.ofMillis(500);
        private int maxPositionRetries = 10_000;
        private boolean ensureIndexes = true;
        private boolean watchCommits = true;
        private Duration pollEvery = Duration.ofMillis(100);
        private LongConsumer beforeInsert = position -> {};

        protected Builder() {
            persistenceExceptionResolver(e -> e instanceof MongoWriteException w
                    && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder commitCollection(String name) {
            this.commitCollection = name;
            return this;
        }

        public Builder snapshotCollection(String name) {
            this.snapshotCollection = name;
            return this;
        }

        /** How long a tailing read waits for a new commit before returning empty. */
        public Builder maxBlock(Duration maxBlock) {
            this.maxBlock = maxBlock;
            return this;
        }

        public Builder maxPositionRetries(int retries) {
            this.maxPositionRetries = retries;
            return this;
        }

        public Builder ensureIndexes(boolean ensureIndexes) {
            this.ensureIndexes = ensureIndexes;
            return this;
        }

        /** Whether to follow new commits with a change stream (falls back to polling if unsupported). */
        public Builder watchCommits(boolean watchCommits) {
            this.watchCommits = watchCommits;
            return this;
        }

        /** How often to look for other writers' commits when the server has no change streams. */
        public Builder pollEvery(Duration pollEvery) {
            this.pollEvery = pollEvery;
            return this;
        }

        /** Fault injection: runs after a position is chosen and before the commit is inserted. */
        public Builder beforeInsert(LongConsumer hook) {
            this.beforeInsert = hook;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("A MongoDatabase is required");
            }
        }

        public CommitLogEventStorageEngine build() {
            return new CommitLogEventStorageEngine(this);
        }
    }
}
