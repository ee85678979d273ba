package fr.contact.eds.episodes.episodes;

import static com.mongodb.client.model.Updates.addEachToSet;
import static com.mongodb.client.model.Updates.combine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Fields to set and whole items to add to one episode, gathered over a batch. Remembers whom the episode concerns
 * when an opening is among them, so that the patient's consent and erasure can be checked for the whole batch.
 */
final class EpisodeChange {

    private final Document sets = new Document();
    private final Map<String, List<Object>> adds = new LinkedHashMap<>();
    String patientPseudonym;
    String subjectKeyId;

    EpisodeChange set(String field, Object value) {
        sets.put(field, value);
        return this;
    }

    EpisodeChange add(String field, Object item) {
        List<Object> items = adds.computeIfAbsent(field, f -> new ArrayList<>());
        if (!items.contains(item)) {
            items.add(item);
        }
        return this;
    }

    /** Whether an opening is among the changes: it names the patient, whose consent must then be checked. */
    boolean opens() {
        return patientPseudonym != null || subjectKeyId != null;
    }

    Bson toUpdate() {
        List<Bson> parts = new ArrayList<>();
        if (!sets.isEmpty()) {
            parts.add(new Document("$set", sets));
        }
        adds.forEach((field, items) -> parts.add(addEachToSet(field, items)));
        return combine(parts);
    }
}
