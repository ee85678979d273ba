package fr.contact.eds.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventData;
import org.bson.Document;

/** An aggregate's events as the log holds them: spread over the commits its guards chain together. */
final class AggregateStreams {

    private final MongoCollection<Document> commits;

    AggregateStreams(MongoCollection<Document> commits) {
        this.commits = commits;
    }

    /**
     * Follows the aggregate's own chain of commits: each starts at the previous one's last sequence + 1,
     * which is exactly its guard, so every step is a unique-key lookup. A start inside a commit falls
     * back to a search on the aggregate's sequence ranges.
     */
    List<DomainEventData<?>> events(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        List<DomainEventData<?>> result = new ArrayList<>();
        Document commit = commits.find(eq("guards", aggregateIdentifier + "#" + firstSequenceNumber)).first();
        if (commit == null && firstSequenceNumber > 0) {
            commit = commits.find(elemMatch("aggSeq", and(eq("a", aggregateIdentifier),
                    lte("f", firstSequenceNumber), gte("l", firstSequenceNumber)))).first();
        }
        while (commit != null) {
            long last = -1;
            for (Document entry : commit.getList("events", Document.class)) {
                if (aggregateIdentifier.equals(entry.getString("aid"))) {
                    last = entry.getLong("seq");
                    if (last >= firstSequenceNumber) {
                        result.add(CommitDocuments.toDomain(entry));
                    }
                }
            }
            if (result.size() >= batchSize) {
                break;
            }
            commit = commits.find(eq("guards", aggregateIdentifier + "#" + (last + 1))).first();
        }
        return result;
    }

    Optional<Long> lastSequenceNumber(String aggregateIdentifier) {
        Optional<Long> last = Optional.empty();
        long next = 0;
        for (Document commit; (commit = commits.find(eq("guards", aggregateIdentifier + "#" + next))
                .projection(Projections.include("aggSeq")).first()) != null;) {
            long l = commit.getList("aggSeq", Document.class).stream()
                    .filter(d -> aggregateIdentifier.equals(d.getString("a")))
                    .mapToLong(d -> d.getLong("l")).findFirst().orElseThrow();
            last = Optional.of(l);
            next = l + 1;
        }
        return last;
    }
}
