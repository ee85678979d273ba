package fr.contact.eds.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * The newest position of the log as this engine knows it. The cached value is a hint, never trusted blindly: a
 * writer checks that a commit really ends there before appending after it, and when the log turns out shorter than
 * what was once read, that is a lost tail, recorded as a fault rather than appended over in silence.
 */
final class LogHead {

    static final long UNKNOWN = Long.MIN_VALUE;
    /** How many positions past the head the periodic check looks for a commit that should not be there yet. */
    private static final int PROBE = 1024;

    private final MongoCollection<Document> commits;
    private final LogIntegrity integrity;
    private final AtomicLong known = new AtomicLong(UNKNOWN);

    LogHead(MongoCollection<Document> commits, LogIntegrity integrity) {
        this.commits = commits;
        this.integrity = integrity;
    }

    long known() {
        return known.get();
    }

    void advanceTo(long last) {
        known.accumulateAndGet(last, Math::max);
    }

    /**
     * The position of the newest committed event, or -1 when the log is empty: follows the chain of commits
     * ({@code _id == last + 1}) from the last head known, so each step is a unique-key lookup.
     */
    long current() {
        // Compare-and-set, not max: a walk from a head that revalidate() has since lowered (a lost tail) must not
        // raise it back to positions that are gone.
        while (true) {
            long head = known.get();
            long walked = walk(head == UNKNOWN ? newestLast() : head);
            if (known.compareAndSet(head, walked)) {
                return walked;
            }
        }
    }

    /**
     * Reads the head afresh from the newest commit and lowers the cached one if the log lost its tail, which is
     * recorded as a fault: commits that were read are gone, so positions after them would be handed out twice.
     */
    long revalidate() {
        while (true) {
            long before = known.get();
            long head = walk(newestLast());
            // Only over the value the walk started from: an append that advanced the head meanwhile is kept.
            if (!known.compareAndSet(before, head)) {
                continue;
            }
            if (before != UNKNOWN && head < before) {
                integrity.record(LogFault.Kind.LOST_TAIL, head + 1, before, "the newest position went back from "
                        + before + " to " + head + ": commits once stored are gone (a store that acknowledged "
                        + "writes before they were durable, or a rolled-back write that was read)");
            }
            return head;
        }
    }

    /** Whether a commit ends exactly at {@code position}: the only place a next commit may follow. */
    boolean endsAt(long position) {
        return commits.find(eq("last", position)).projection(Projections.include("_id")).first() != null;
    }

    /**
     * Run about once a second: the cached head must still end a commit, and no commit may start beyond the head
     * without the positions between (a hole that a walk along the chain would never cross).
     */
    void check() {
        long head = known.get();
        if (head == UNKNOWN) {
            return;
        }
        if (head >= 0 && !endsAt(head)) {
            revalidate();
            return;
        }
        head = current();
        List<Long> beyond = new ArrayList<>(PROBE);
        for (long p = head + 2; p <= head + 1 + PROBE; p++) {
            beyond.add(p);
        }
        Document next = commits.find(in("_id", beyond)).projection(Projections.include("_id"))
                .sort(ascending("_id")).first();
        if (next != null && current() < next.getLong("_id") - 1) {
            integrity.hole(current() + 1, next.getLong("_id"));
        }
    }

    /** The fault for a position that no commit holds although the log goes on past it. */
    LogIntegrityException missing(long position) {
        long head = revalidate();
        if (head >= position) {
            Document next = commits.find(gt("_id", position)).projection(Projections.include("_id"))
                    .sort(ascending("_id")).first();
            if (next != null) {
                return integrity.hole(position, next.getLong("_id"));
            }
        }
        return new LogIntegrityException(integrity.activeFaults());
    }

    private long walk(long from) {
        long head = from;
        for (Document next; (next = commits.find(eq("_id", head + 1)).projection(Projections.include("last"))
                .first()) != null;) {
            head = next.getLong("last");
        }
        return head;
    }

    private long newestLast() {
        Document last = commits.find().sort(descending("_id")).projection(Projections.include("last")).first();
        return last == null ? -1 : last.getLong("last");
    }
}
