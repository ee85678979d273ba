package fr.contact.eds.devstore;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with the guarantees a log needs: an answer leaves only once everything it wrote or
 * read is on disk. MVStore's default commits in the background once a second, so a hard kill lost the last second
 * of acknowledged writes, and readers had already been shown them.
 *
 * <p>Commands run concurrently under a shared lock; a commit takes the lock exclusively, so it never persists half
 * of a command (a document without its index entries). Every command then waits until a commit that began after it
 * finished has been synced: the first waiter commits and syncs for everyone who finished before it (group commit),
 * the others find their work already durable. A read waits as well when it may have seen unsaved data, so no client
 * ever acts on a write that a crash would take back.
 */
final class DurableH2Backend extends H2Backend {

    private final MVStore store;
    private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock();
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final Object syncing = new Object();
    /** Number of the last commit begun; a command finishing while it is {@code n} is covered by commit n + 1. */
    private volatile long commitsBegun;
    /** Number of the last commit that is synced to disk. */
    private volatile long commitsSynced;

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    static DurableH2Backend open(Path file) {
        // No background commit, no commit on memory pressure: only ours, between commands.
        return new DurableH2Backend(new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return durably(() -> super.handleCommand(channel, database, command, query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return durably(() -> super.handleMessage(message));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return durably(() -> super.handleQuery(query));
    }

    private <T> T durably(Supplier<T> command) {
        int[] nesting = depth.get();
        if (nesting[0] > 0) {
            return command.get();
        }
        nesting[0]++;
        commands.readLock().lock();
        try {
            return command.get();
        } finally {
            // Still under the shared lock, so no commit is in progress: the next one to begin covers this command.
            // A failed command waits too: its error (a duplicate key) may tell of a write not yet on disk.
            long needed = store.hasUnsavedChanges() ? commitsBegun + 1 : commitsBegun;
            commands.readLock().unlock();
            nesting[0]--;
            awaitSynced(needed);
        }
    }

    private void awaitSynced(long needed) {
        if (commitsSynced >= needed) {
            return;
        }
        synchronized (syncing) {
            if (commitsSynced >= needed) {
                return;
            }
            long number;
            commands.writeLock().lock();
            try {
                store.commit();
                number = ++commitsBegun;
            } finally {
                commands.writeLock().unlock();
            }
            store.sync();
            commitsSynced = number;
        }
    }

    @Override
    public void close() {
        commands.writeLock().lock();
        try {
            super.close();
        } finally {
            commands.writeLock().unlock();
        }
    }
}
