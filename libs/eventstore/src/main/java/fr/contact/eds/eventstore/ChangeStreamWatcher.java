package fr.contact.eds.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows inserts into the commit log with a change stream and signals readers, so that a commit
 * written by another process is delivered without waiting for the next poll. Between change events it
 * also compares the log's head every {@code pollMillis}, which covers servers whose change streams
 * stay silent; servers that refuse change streams (a standalone mongod) get head polling alone.
 */
final class ChangeStreamWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeStreamWatcher.class);

    private final MongoCollection<Document> commits;
    private final Runnable onCommit;
    private final java.util.function.LongSupplier head;
    private final Runnable integrityCheck;
    private final long pollMillis;
    private final Thread thread;
    private long checkedAt = System.nanoTime();
    private volatile boolean running = true;
    private volatile MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;

    private ChangeStreamWatcher(MongoCollection<Document> commits, Runnable onCommit,
            java.util.function.LongSupplier head, Runnable integrityCheck, long pollMillis) {
        this.commits = commits;
        this.onCommit = onCommit;
        this.head = head;
        this.integrityCheck = integrityCheck;
        this.pollMillis = pollMillis;
        this.thread = new Thread(this::run, "commit-log-watcher");
        this.thread.setDaemon(true);
    }

    static ChangeStreamWatcher start(MongoCollection<Document> commits, Runnable onCommit,
            java.util.function.LongSupplier head, Runnable integrityCheck, long pollMillis) {
        ChangeStreamWatcher watcher = new ChangeStreamWatcher(commits, onCommit, head, integrityCheck, pollMillis);
        watcher.thread.start();
        return watcher;
    }

    private void run() {
        int failures = 0;
        long seen = head.getAsLong();
        while (running) {
            try (var opened = commits.watch(List.of(Aggregates.match(Filters.eq("operationType", "insert"))))
                    .maxAwaitTime(pollMillis, TimeUnit.MILLISECONDS).cursor()) {
                cursor = opened;
                failures = 0;
                while (running) {
                    long started = System.nanoTime();
                    if (opened.tryNext() != null) {
                        onCommit.run();
                        continue;
                    }
                    // Some servers accept a change stream and never feed it: check the head as well.
                    checkIntegrityEverySecond();
                    long now = head.getAsLong();
                    if (now != seen) {
                        seen = now;
                        onCommit.run();
                    }
                    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    if (waited < pollMillis) {
                        sleepQuietly(pollMillis - waited);
                    }
                }
            } catch (MongoException e) {
                if (!running) {
                    return;
                }
                if (++failures >= 3) {
                    LOG.info("Change streams unavailable ({}); polling the log head every {} ms", e.getMessage(),
                            pollMillis);
                    pollHead(seen);
                    return;
                }
                sleepQuietly(200L * failures);
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("Commit watcher stopped; falling back to polling the log head", e);
                    pollHead(seen);
                }
                return;
            }
        }
    }

    private void pollHead(long lastSeen) {
        long seen = lastSeen;
        while (running) {
            sleepQuietly(pollMillis);
            try {
                checkIntegrityEverySecond();
                long now = head.getAsLong();
                if (now != seen) {
                    seen = now;
                    onCommit.run();
                }
            } catch (MongoException e) {
                LOG.warn("Cannot read the commit log head: {}", e.getMessage());
            }
        }
    }

    /** A hole past the head is invisible to a walk along the chain: look for one about once a second. */
    private void checkIntegrityEverySecond() {
        if (System.nanoTime() - checkedAt < 1_000_000_000L) {
            return;
        }
        checkedAt = System.nanoTime();
        try {
            integrityCheck.run();
        } catch (MongoException e) {
            LOG.warn("Cannot check the commit log: {}", e.getMessage());
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        var current = cursor;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException ignored) {
                // closing a cursor that the server already dropped
            }
        }
        thread.interrupt();
    }
}
