package fr.contact.eds.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows inserts into the commit log with a change stream and signals readers, so that a commit
 * written by another process is delivered without waiting for the next poll. Servers without change
 * streams (a standalone mongod) make it stop quietly: readers then rely on polling alone.
 */
final class ChangeStreamWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeStreamWatcher.class);

    private final MongoCollection<Document> commits;
    private final Runnable onCommit;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;

    private ChangeStreamWatcher(MongoCollection<Document> commits, Runnable onCommit) {
        this.commits = commits;
        this.onCommit = onCommit;
        this.thread = new Thread(this::run, "commit-log-watcher");
        this.thread.setDaemon(true);
    }

    static ChangeStreamWatcher start(MongoCollection<Document> commits, Runnable onCommit) {
        ChangeStreamWatcher watcher = new ChangeStreamWatcher(commits, onCommit);
        watcher.thread.start();
        return watcher;
    }

    private void run() {
        int failures = 0;
        while (running) {
            try (var opened = commits.watch(List.of(Aggregates.match(Filters.eq("operationType", "insert")))).cursor()) {
                cursor = opened;
                failures = 0;
                while (running) {
                    if (opened.tryNext() != null) {
                        onCommit.run();
                    }
                }
            } catch (MongoException e) {
                if (!running) {
                    return;
                }
                if (++failures >= 3) {
                    LOG.info("Change streams unavailable ({}); new commits are found by polling", e.getMessage());
                    return;
                }
                sleepQuietly(200L * failures);
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("Commit watcher stopped; new commits are found by polling", e);
                }
                return;
            }
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
