package fr.contact.eds.testing;

import com.mongodb.client.MongoClient;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Looks for words in everything the server stores, every database and collection: what must never be kept. Stores
 * hold much random base64 (keys, ciphertext, pseudonyms), so look for words of five characters or more: a shorter
 * one turns up there by chance.
 */
public final class StoredText {

    private StoredText() {}

    /** One line per (collection, word) found, e.g. "contact-events.eventCommits contains Dupont". */
    public static List<String> occurrencesOf(MongoClient mongo, List<String> words) {
        return occurrences(mongo, words, true);
    }

    /**
     * As {@link #occurrencesOf}, leaving out the server's replication log ({@code local.oplog.rs}), which records
     * every past write until it rolls over: for data that was legitimately written, then erased.
     */
    public static List<String> occurrencesInDataOf(MongoClient mongo, List<String> words) {
        return occurrences(mongo, words, false);
    }

    private static List<String> occurrences(MongoClient mongo, List<String> words, boolean withReplicationLog) {
        List<String> hits = new ArrayList<>();
        for (String database : mongo.listDatabaseNames()) {
            if (!withReplicationLog && database.equals("local")) {
                continue;
            }
            for (String collection : mongo.getDatabase(database).listCollectionNames()) {
                for (Document document : mongo.getDatabase(database).getCollection(collection).find()) {
                    String json = document.toJson();
                    for (String word : words) {
                        if (json.contains(word)) {
                            hits.add(database + "." + collection + " contains " + word);
                        }
                    }
                }
            }
        }
        return hits;
    }
}
