package fr.contact.eds.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventData;
import org.bson.Document;

/**
 * A tracking reader's next batch: the commits that start within the next {@code batchSize} positions, read with one
 * {@code $in} on {@code _id}, plus, when the token points inside a commit, the commit that holds the next position.
 * Every position up to the known head must be held by exactly one commit: anything else stops the reader.
 */
final class TrackedReads {

    private final MongoCollection<Document> commits;
    private final LogHead head;
    private final LogIntegrity integrity;

    TrackedReads(MongoCollection<Document> commits, LogHead head, LogIntegrity integrity) {
        this.commits = commits;
        this.head = head;
        this.integrity = integrity;
    }

    List<TrackedEventData<?>> after(long after, int batchSize) {
        integrity.requireIntact();
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
}
