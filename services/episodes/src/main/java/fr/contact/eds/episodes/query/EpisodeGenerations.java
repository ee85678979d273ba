package fr.contact.eds.episodes.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Where the episodes read model lives. Queries read the live generation; a rebuild fills the next one from the
 * first event while the live one keeps serving, then the pointer moves to it in one single-document write. Each
 * generation is a set of collections: episodes, the consent in force per pseudonym (opposed to all reuse, or to some
 * research projects) and the erased subject keys that they are checked against.
 */
public final class EpisodeGenerations {

    private static final String STATE_ID = "episodes";
    /** A generation's collections, in the order of {@link Generation}'s; generation n > 0 adds {@code -g<n>}. */
    private static final List<String> COLLECTIONS = List.of("episodes", "opposedPseudonyms",
            "projectOpposedPseudonyms", "erasedSubjectKeys");
    private static final java.util.regex.Pattern GENERATION_COLLECTION = java.util.regex.Pattern.compile(
            "(" + String.join("|", COLLECTIONS) + ")(-g\\d+)?");

    private final MongoDatabase database;
    private final MongoCollection<Document> state;

    public EpisodeGenerations(MongoDatabase database) {
        this.database = database;
        this.state = database.getCollection("projectionState");
    }

    /** A generation's collections. */
    public record Generation(int number, MongoCollection<Document> episodes, MongoCollection<Document> opposed,
            MongoCollection<Document> projectOpposed, MongoCollection<Document> erasedKeys) {

        List<MongoCollection<Document>> collections() {
            return List.of(episodes, opposed, projectOpposed, erasedKeys);
        }

        void drop() {
            collections().forEach(MongoCollection::drop);
        }
    }

    /** The rebuild under way: which generation, up to which event-store position, since when. */
    public record Rebuild(int generation, long target, long startPosition, Instant startedAt) {}

    public Generation live() {
        return generation(current().getInteger("live", 0));
    }

    public Optional<Rebuild> rebuild() {
        Document current = current();
        Integer building = current.getInteger("building");
        return building == null ? Optional.empty()
                : Optional.of(new Rebuild(building, current.getLong("target"), current.getLong("startPosition"),
                        current.getDate("startedAt").toInstant()));
    }

    /** Starts filling a fresh generation; {@code target} is the log's head now, {@code from} where replay starts. */
    public Rebuild startRebuild(long target, long from) {
        int next = current().getInteger("live", 0) + 1;
        Generation fresh = generation(next);
        fresh.drop();
        Instant now = Instant.now();
        state.findOneAndUpdate(Filters.eq("_id", STATE_ID), Updates.combine(Updates.set("building", next),
                Updates.set("target", target), Updates.set("startPosition", from),
                Updates.set("startedAt", Date.from(now))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return new Rebuild(next, target, from, now);
    }

    /** Makes the rebuilt generation the live one, then drops the old one. */
    public void switchToRebuilt() {
        Optional<Rebuild> rebuild = rebuild();
        if (rebuild.isEmpty()) {
            return;
        }
        Generation old = live();
        state.updateOne(Filters.eq("_id", STATE_ID), Updates.combine(Updates.set("live", rebuild.get().generation()),
                Updates.unset("building"), Updates.unset("target"), Updates.unset("startPosition"),
                Updates.set("switchedAt", new Date())));
        old.drop();
    }

    /**
     * Drops what is left of generations no longer live nor being built: a writer still holding the old state for a
     * moment after a switch (another replica, or this one within its cache time) recreates the dropped collections
     * with partial documents, which nothing would read, drop or erase. Returns the generations kept.
     */
    public List<Generation> sweep() {
        // Listed before the state is read: a generation's collections appear only once the state names it, so one
        // listed here is always among those the state read next keeps.
        List<String> present = database.listCollectionNames().into(new java.util.ArrayList<>());
        List<Generation> kept = all();
        java.util.Set<String> keptNames = new java.util.HashSet<>();
        kept.forEach(g -> g.collections().forEach(c -> keptNames.add(c.getNamespace().getCollectionName())));
        for (String name : present) {
            if (GENERATION_COLLECTION.matcher(name).matches() && !keptNames.contains(name)) {
                database.getCollection(name).drop();
            }
        }
        return kept;
    }

    /** Both generations while a rebuild runs, else the live one: from one read of the state. */
    public List<Generation> all() {
        Document current = current();
        Generation live = generation(current.getInteger("live", 0));
        Integer building = current.getInteger("building");
        return building == null ? List.of(live) : List.of(live, generation(building));
    }

    private Document current() {
        Document found = state.find(Filters.eq("_id", STATE_ID)).first();
        return found == null ? new Document() : found;
    }

    private Generation generation(int number) {
        // Generation 0 keeps the names the read model had before rebuilds existed.
        String suffix = number == 0 ? "" : "-g" + number;
        List<MongoCollection<Document>> c = COLLECTIONS.stream().map(name -> database.getCollection(name + suffix))
                .toList();
        return new Generation(number, c.get(0), c.get(1), c.get(2), c.get(3));
    }
}
