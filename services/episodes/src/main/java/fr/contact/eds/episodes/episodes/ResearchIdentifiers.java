package fr.contact.eds.episodes.episodes;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Project identifiers are keyed hashes, so they cannot be turned back: each one a permit holder has been shown is
 * remembered here, so that they can ask for that episode or that patient again. Kept apart from the episodes; a
 * patient's entries go when their data is erased.
 */
@Singleton
public final class ResearchIdentifiers {

    private final MongoCollection<Document> identifiers;

    @Inject
    public ResearchIdentifiers(MongoDatabase database) {
        this.identifiers = database.getCollection("researchIdentifiers");
        identifiers.createIndex(Indexes.ascending("real"));
    }

    /** {@code shown}: project identifier → the warehouse's own (episode id or patient pseudonym). */
    public void remember(String projectId, Map<String, String> shown) {
        if (shown.isEmpty()) {
            return;
        }
        identifiers.bulkWrite(shown.entrySet().stream().map(e -> new ReplaceOneModel<>(
                eq("_id", projectId + "|" + e.getKey()),
                new Document("_id", projectId + "|" + e.getKey()).append("project", projectId).append("real",
                        e.getValue()),
                new ReplaceOptions().upsert(true))).toList());
    }

    public Optional<String> real(String projectId, String shown) {
        return Optional.ofNullable(identifiers.find(and(eq("_id", projectId + "|" + shown),
                eq("project", projectId))).first()).map(d -> d.getString("real"));
    }

    public void forget(Collection<String> real) {
        if (!real.isEmpty()) {
            identifiers.deleteMany(in("real", real));
        }
    }
}
