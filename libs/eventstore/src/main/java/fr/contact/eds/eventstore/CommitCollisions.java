package fr.contact.eds.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Sorts.ascending;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.util.List;
import org.bson.Document;

/** What a duplicate key on inserting a commit means, beyond an aggregate conflict: told apart, never guessed. */
final class CommitCollisions {

    private final MongoCollection<Document> commits;
    private final LogIntegrity integrity;

    CommitCollisions(MongoCollection<Document> commits, LogIntegrity integrity) {
        this.commits = commits;
        this.integrity = integrity;
    }

    /**
     * A driver that retries an insert after a lost connection may find its own first attempt in place: that is
     * this commit, stored once, not a collision to append again further on.
     */
    boolean landedEarlier(Document commit) {
        Document there = commits.find(eq("_id", commit.getLong("_id"))).projection(Projections.include("events.eid"))
                .first();
        if (there == null) {
            return false;
        }
        String ours = CommitDocuments.entries(commit).get(0).getString("eid");
        return ours.equals(CommitDocuments.entries(there).get(0).getString("eid"));
    }

    /**
     * A collision while nobody starts at our first position means a commit already holds a position further in:
     * the log has a hole before it (or an overlap). Retrying would never succeed, and filling it would hide it.
     */
    void failIfPositionsHeldInside(Document commit) {
        long first = commit.getLong("_id");
        if (commits.find(eq("_id", first)).projection(Projections.include("_id")).first() != null) {
            return;
        }
        List<Long> positions = CommitDocuments.entries(commit).stream().map(d -> d.getLong("pos")).toList();
        Document holder = commits.find(in("events.pos", positions)).projection(Projections.include("_id", "last"))
                .sort(ascending("_id")).first();
        if (holder == null) {
            return;
        }
        long start = holder.getLong("_id");
        throw start > first
                ? integrity.hole(first, start)
                : integrity.record(LogFault.Kind.OVERLAP, start, holder.getLong("last"), "commit " + start + ".."
                        + holder.getLong("last") + " holds positions after the commit ending at " + (first - 1));
    }
}
