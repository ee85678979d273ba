package fr.contact.eds.devstore;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with the guarantees a log needs: an answer leaves only once everything it wrote or
 * read is on disk. MVStore's default commits in the background once a second, so a hard kill lost the last second
 * of acknowledged writes, and readers had already been shown them.
 *
 * <p>Commands run concurrently under a shared lock; a commit takes the lock exclusively, so it never persists half
 * of a command (a document without its index entries) and a crash loses a suffix of whole commands, in the order
 * they ran. A write then waits until a commit that began after it has been synced: the first waiter commits and
 * syncs for everyone who finished before it (group commit), the others find their work already durable. A read
 * waits only while its own database holds writes not yet synced, which is all it could have seen.
 */
final class DurableH2Backend extends H2Backend {

    /** Commands that change nothing; anything else counts as a write. */
    private static final Set<String> READS = Set.of("find", "getMore", "count", "distinct", "listCollections",
            "listIndexes", "listDatabases", "hello", "isMaster", "ismaster", "ping", "buildInfo", "buildinfo",
            "serverStatus", "dbStats", "collStats", "killCursors", "endSessions", "whatsmyuri", "getParameter",
            "getFreeMonitoringStatus", "hostInfo", "getCmdLineOpts", "connectionStatus", "getLastError",
            "getlasterror", "getLog");
    /** Rewrite sparse chunks every so many commits: without the background writer nothing else would. */
    private static final int COMPACT_EVERY = 256;

    private final MVStore store;
    private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock();
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final Map<String, Long> unsyncedUntil = new ConcurrentHashMap<>();
    private final Object syncing = new Object();
    private int sinceCompaction;
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
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        // Old chunks are kept 45 s by default in case the disk has not flushed them; every commit here is synced, so
        // their space can be reused at once, which keeps the file from growing by the commit rate times 45 s.
        store.setRetentionTime(0);
        return new DurableH2Backend(store);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return durably(database, command, query, () -> super.handleCommand(channel, database, command, query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        String command = body.keySet().iterator().next();
        return durably(message.getDatabaseName(), command, body, () -> super.handleMessage(message));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        String command = "$cmd".equals(query.getCollectionName()) && !query.getQuery().isEmpty()
                ? query.getQuery().keySet().iterator().next()
                : "find";
        return durably(query.getDatabaseName(), command, query.getQuery(), () -> super.handleQuery(query));
    }

    private <T> T durably(String database, String command, Document body, Supplier<T> run) {
        int[] nesting = depth.get();
        if (nesting[0] > 0) {
            return run.get();
        }
        nesting[0]++;
        commands.readLock().lock();
        try {
            return run.get();
        } finally {
            // Still under the shared lock, so no commit is in progress: the next one to begin covers this command.
            // A failed write waits too: its error (a duplicate key) may tell of a write not yet on disk.
            long needed;
            if (isWrite(command, body)) {
                needed = store.hasUnsavedChanges() ? commitsBegun + 1 : commitsBegun;
                unsyncedUntil.merge(String.valueOf(database), needed, Math::max);
            } else {
                needed = unsyncedUntil.getOrDefault(String.valueOf(database), 0L);
            }
            commands.readLock().unlock();
            nesting[0]--;
            awaitSynced(needed);
        }
    }

    private static boolean isWrite(String command, Document body) {
        if ("aggregate".equals(command)) {
            Object pipeline = body.get("pipeline");
            return pipeline instanceof List<?> stages && stages.stream().anyMatch(stage -> stage instanceof Document d
                    && (d.containsKey("$out") || d.containsKey("$merge")));
        }
        return !READS.contains(command);
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
                if (++sinceCompaction >= COMPACT_EVERY) {
                    sinceCompaction = 0;
                    store.compact(80, 1 << 20);
                }
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
