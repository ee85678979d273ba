package fr.contact.eds.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Sorts.ascending;

import com.mongodb.ReadConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.bson.Document;

/**
 * The operator's view of the log: a full check that names every hole and overlap with the commits around it, and
 * the repairs that are safe. A hole whose events are lost can be filled with {@link LogPositionsLostEvent}s, once
 * its neighbours are verified, so that readers go on; an overlap or a lost tail is explained, and resolved by hand
 * once the processors that read the vanished events have been replayed.
 */
public final class CommitLogRepair {

    /** A stretch of the log as the check found it, with the commits on either side. */
    public record Finding(LogFault.Kind kind, long firstPosition, long lastPosition, String before, String after) {

        public String describe() {
            return kind + " at positions " + firstPosition + ".." + lastPosition + " (before: " + before
                    + "; after: " + after + ")";
        }
    }

    /** What a full check saw. */
    public record Report(long commits, long events, long head, List<Finding> findings, List<LogFault> faults) {}

    private final MongoCollection<Document> commits;
    private final LogIntegrity integrity;

    public CommitLogRepair(MongoDatabase database) {
        this(database, "eventCommits");
    }

    public CommitLogRepair(MongoDatabase database, String commitCollection) {
        this.commits = database.getCollection(commitCollection).withReadConcern(ReadConcern.MAJORITY);
        this.integrity = new LogIntegrity(database.withReadConcern(ReadConcern.MAJORITY));
    }

    /** Reads every commit in position order (a full scan: an operator's command, not a service's path). */
    public Report check() {
        List<Finding> findings = new ArrayList<>();
        long expected = 0;
        long count = 0;
        long events = 0;
        String previous = "start of the log";
        for (Document commit : commits.find().projection(Projections.include("_id", "last", "maxTs", "events.eid"))
                .sort(ascending("_id"))) {
            long first = commit.getLong("_id");
            long last = commit.getLong("last");
            String here = describe(commit);
            if (first > expected) {
                findings.add(new Finding(LogFault.Kind.HOLE, expected, first - 1, previous, here));
            } else if (first < expected) {
                findings.add(new Finding(LogFault.Kind.OVERLAP, first, Math.min(last, expected - 1), previous, here));
            }
            expected = Math.max(expected, last + 1);
            previous = here;
            count++;
            events += commit.getList("events", Document.class).size();
        }
        integrity.refresh();
        return new Report(count, events, expected - 1, findings, integrity.activeFaults());
    }

    /**
     * Fills positions {@code first..last} with one {@link LogPositionsLostEvent} each, if and only if no commit holds
     * any of them, a commit ends right before (or it is the log's start) and a commit starts right after. Resolves the
     * hole faults that lay inside.
     */
    public void fillHole(long first, long last, String reason) {
        if (first < 0 || last < first || last - first >= 100_000) {
            throw new IllegalArgumentException("positions must be 0 <= first <= last, at most 100,000 of them");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required: it is kept in the log");
        }
        List<Long> positions = LongStream.rangeClosed(first, last).boxed().toList();
        if (commits.find(in("events.pos", positions)).first() != null || commits.find(in("_id", positions))
                .first() != null) {
            throw new IllegalStateException("positions " + first + ".." + last + " are not all empty: not a hole");
        }
        if (first > 0 && commits.find(eq("last", first - 1)).first() == null) {
            throw new IllegalStateException("no commit ends at " + (first - 1) + ": the hole starts earlier");
        }
        if (commits.find(eq("_id", last + 1)).first() == null) {
            throw new IllegalStateException("no commit starts at " + (last + 1) + ": the hole ends later");
        }
        String faultId = LogFault.idOf(LogFault.Kind.HOLE, first, last);
        List<Document> entries = new ArrayList<>();
        Instant now = Instant.now();
        for (long position : positions) {
            entries.add(new Document("eid", UUID.randomUUID().toString()).append("ts", now.toString())
                    .append("ptype", LogPositionsLostEvent.class.getName()).append("prev", null)
                    .append("payload", json(new LogPositionsLostEvent(position, faultId, reason)))
                    .append("meta", "{}").append("pos", position));
        }
        commits.insertOne(new Document("_id", first).append("last", last).append("maxTs", Date.from(now))
                .append("events", entries)
                .append("filled", new Document("reason", reason).append("at", Date.from(now))));
        for (LogFault fault : integrity.activeFaults()) {
            if (fault.kind() == LogFault.Kind.HOLE && fault.firstPosition() >= first
                    && fault.lastPosition() <= last) {
                integrity.resolve(fault.faultId(), "filled with lost-position markers: " + reason);
            }
        }
    }

    /** Marks a fault resolved, for what only an operator can settle (an overlap, a lost tail after a replay). */
    public boolean resolve(String faultId, String resolution) {
        if (resolution == null || resolution.isBlank()) {
            throw new IllegalArgumentException("say how the fault was settled: it is kept with it");
        }
        return integrity.resolve(faultId, resolution);
    }

    private static String describe(Document commit) {
        return "commit " + commit.getLong("_id") + ".." + commit.getLong("last") + " of "
                + commit.getList("events", Document.class).size() + " events, newest stamped "
                + commit.getDate("maxTs").toInstant();
    }

    /** The marker's payload as the services' JSON serializer reads it back (relaxed JSON: plain numbers). */
    private static String json(LogPositionsLostEvent event) {
        return new Document("position", event.position()).append("faultId", event.faultId())
                .append("reason", event.reason()).toJson();
    }
}
