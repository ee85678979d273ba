package fr.contact.eds.testing;

import com.mongodb.client.MongoClient;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * Looks for words in everything the server stores, every database and collection: what must never be kept. Stores
 * hold much random base64 (keys, ciphertext, pseudonyms), in which a short word made only of base64 characters (a
 * postcode, a first name) turns up by chance: such a word counts only where it stands alone, not inside a longer run
 * of base64 characters. Other words count wherever they occur; use words of five characters or more.
 */
public final class StoredText {

    /** From twelve characters on, even a word of digits only is too unlikely in random base64 to matter. */
    private static final int LONG_ENOUGH = 12;

    private static final Pattern BASE64_WORD = Pattern.compile("[A-Za-z0-9+/]+");

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
                        if (found(json, word)) {
                            hits.add(database + "." + collection + " contains " + word);
                        }
                    }
                }
            }
        }
        return hits;
    }

    private static boolean found(String json, String word) {
        if (word.length() >= LONG_ENOUGH || !BASE64_WORD.matcher(word).matches()) {
            return json.contains(word);
        }
        return Pattern.compile("(?<![A-Za-z0-9+/])" + Pattern.quote(word) + "(?![A-Za-z0-9+/])").matcher(json).find();
    }
}
