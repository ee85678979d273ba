package fr.contact.eds.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.function.LongConsumer;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.Serializer;

/** Settings of a {@link CommitLogEventStorageEngine}; refuses a database whose writes a failover could undo. */
public class CommitLogEngineBuilder extends BatchingEventStorageEngine.Builder {

    MongoDatabase database;
    String commitCollection = "eventCommits";
    String snapshotCollection = "eventSnapshots";
    Duration maxBlock = Duration.ofMillis(500);
    int maxPositionRetries = 1_000;
    boolean ensureIndexes = true;
    boolean watchCommits = true;
    Duration pollEvery = Duration.ofMillis(100);
    LongConsumer beforeInsert = position -> {};

    protected CommitLogEngineBuilder() {
        persistenceExceptionResolver(e -> e instanceof MongoWriteException w
                && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY);
    }

    public CommitLogEngineBuilder database(MongoDatabase database) {
        this.database = database;
        return this;
    }

    public CommitLogEngineBuilder commitCollection(String name) {
        this.commitCollection = name;
        return this;
    }

    public CommitLogEngineBuilder snapshotCollection(String name) {
        this.snapshotCollection = name;
        return this;
    }

    /** How long a tailing read waits for a new commit before returning empty. */
    public CommitLogEngineBuilder maxBlock(Duration maxBlock) {
        this.maxBlock = maxBlock;
        return this;
    }

    public CommitLogEngineBuilder maxPositionRetries(int retries) {
        this.maxPositionRetries = retries;
        return this;
    }

    public CommitLogEngineBuilder ensureIndexes(boolean ensureIndexes) {
        this.ensureIndexes = ensureIndexes;
        return this;
    }

    /** Whether to follow new commits with a change stream (falls back to polling if unsupported). */
    public CommitLogEngineBuilder watchCommits(boolean watchCommits) {
        this.watchCommits = watchCommits;
        return this;
    }

    /** How often to look for other writers' commits when the server has no change streams. */
    public CommitLogEngineBuilder pollEvery(Duration pollEvery) {
        this.pollEvery = pollEvery;
        return this;
    }

    /** Fault injection: runs after a position is chosen and before the commit is inserted. */
    public CommitLogEngineBuilder beforeInsert(LongConsumer hook) {
        this.beforeInsert = hook;
        return this;
    }

    @Override
    public CommitLogEngineBuilder eventSerializer(Serializer eventSerializer) {
        super.eventSerializer(eventSerializer);
        return this;
    }

    @Override
    public CommitLogEngineBuilder snapshotSerializer(Serializer snapshotSerializer) {
        super.snapshotSerializer(snapshotSerializer);
        return this;
    }

    @Override
    public CommitLogEngineBuilder upcasterChain(
            org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
        super.upcasterChain(upcasterChain);
        return this;
    }

    @Override
    public CommitLogEngineBuilder batchSize(int batchSize) {
        super.batchSize(batchSize);
        return this;
    }

    @Override
    protected void validate() throws AxonConfigurationException {
        super.validate();
        if (database == null) {
            throw new AxonConfigurationException("A MongoDatabase is required");
        }
        requireDurableWrites(database.getWriteConcern());
    }

    /**
     * An acknowledged commit must survive a crash of the primary or a failover: only a write acknowledged by a
     * majority, each from its journal, cannot be rolled back. Anything less would let the log lose its tail.
     */
    static void requireDurableWrites(WriteConcern concern) {
        boolean majority = "majority".equals(concern.getWObject());
        if (!majority || !Boolean.TRUE.equals(concern.getJournal())) {
            throw new AxonConfigurationException("The event store needs write concern w=majority with journal=true "
                    + "so that an acknowledged commit survives a crash or failover; the database has w="
                    + (concern.getWObject() == null ? "default" : concern.getWObject()) + ", journal="
                    + (concern.getJournal() == null ? "default" : concern.getJournal())
                    + " (set quarkus.mongodb.write-concern.w=majority and quarkus.mongodb.write-concern.journal=true)");
        }
    }

    public CommitLogEventStorageEngine build() {
        return new CommitLogEventStorageEngine(this);
    }
}
