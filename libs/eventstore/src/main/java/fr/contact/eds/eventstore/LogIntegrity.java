package fr.contact.eds.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults of the commit log, kept in the store itself ({@code eventStoreFaults}) so that the engine that finds one
 * stops the readers of every service, not only its own, and a restart does not forget it. A fault stays until an
 * operator resolves it ({@link CommitLogRepair}).
 */
final class LogIntegrity {

    static final String COLLECTION = "eventStoreFaults";
    private static final Logger LOG = LoggerFactory.getLogger(LogIntegrity.class);
    private static final long REFRESH_NANOS = 1_000_000_000L;

    private final MongoCollection<Document> faults;
    private volatile List<LogFault> active = List.of();
    private volatile long refreshedAt = System.nanoTime() - 2 * REFRESH_NANOS;

    LogIntegrity(MongoDatabase database) {
        this.faults = database.getCollection(COLLECTION);
    }

    /** Records a fault (once per kind and positions) and returns the exception that stops the caller. */
    LogIntegrityException record(LogFault.Kind kind, long first, long last, String detail) {
        String faultId = LogFault.idOf(kind, first, last);
        LOG.error("Event log integrity fault {} at positions {}..{}: {}", kind, first, last, detail);
        try {
            faults.updateOne(eq("_id", faultId), Updates.combine(
                    Updates.setOnInsert("kind", kind.name()), Updates.setOnInsert("first", first),
                    Updates.max("last", last), Updates.setOnInsert("detail", detail),
                    Updates.setOnInsert("detectedAt", new Date())), new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            LOG.error("Could not record the fault in {}: {}", COLLECTION, e.getMessage());
        }
        List<LogFault> now = new ArrayList<>(active);
        if (now.stream().noneMatch(f -> f.faultId().equals(faultId))) {
            now.add(new LogFault(faultId, kind, first, last, detail, Instant.now()));
        }
        active = List.copyOf(now);
        return new LogIntegrityException(active);
    }

    /** Positions {@code first} up to the commit starting at {@code nextCommit} are held by no commit. */
    LogIntegrityException hole(long first, long nextCommit) {
        return record(LogFault.Kind.HOLE, first, nextCommit - 1,
                "no commit holds these positions, yet commit " + nextCommit + " follows them");
    }

    /** The unresolved faults, as the store had them at most a second ago. */
    List<LogFault> activeFaults() {
        if (System.nanoTime() - refreshedAt > REFRESH_NANOS) {
            refresh();
        }
        return active;
    }

    void requireIntact() {
        List<LogFault> current = activeFaults();
        if (!current.isEmpty()) {
            throw new LogIntegrityException(current);
        }
    }

    void refresh() {
        List<LogFault> found = new ArrayList<>();
        for (Document doc : faults.find(exists("resolvedAt", false))) {
            found.add(new LogFault(doc.getString("_id"), LogFault.Kind.valueOf(doc.getString("kind")),
                    doc.getLong("first"), doc.getLong("last"), doc.getString("detail"),
                    doc.getDate("detectedAt").toInstant()));
        }
        active = List.copyOf(found);
        refreshedAt = System.nanoTime();
    }

    boolean resolve(String faultId, String resolution) {
        boolean changed = faults.updateOne(eq("_id", faultId), Updates.combine(
                Updates.set("resolvedAt", new Date()), Updates.set("resolution", resolution))).getModifiedCount() > 0;
        refresh();
        return changed;
    }
}
