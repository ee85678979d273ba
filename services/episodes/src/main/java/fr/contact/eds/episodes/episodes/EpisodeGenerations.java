package fr.contact.eds.episodes.episodes;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Where the episodes read model lives, as every replica reads it from one document. Queries read the live generation;
 * a rebuild fills the next one from the first event while the live one keeps serving, then the pointer moves to it in
 * one single-document write. Each generation is a set of collections (episodes, the consent in force per pseudonym,
 * the erased subject keys) filled by one of two processors, the slots: the live generation's slot follows the head,
 * the other waits for the next rebuild, so that a rebuild never holds back what the live generation shows.
 */
public final class EpisodeGenerations {

    /** The slot of generation 0, named as the only processor was before rebuilds had slots. */
    public static final String SLOT_A = "episodes";
    public static final String SLOT_B = "episodes-b";
    public static final List<String> SLOTS = List.of(SLOT_A, SLOT_B);

    private static final String STATE_ID = "episodes";
    /** A generation's collections, in the order of {@link Generation}'s; generation n > 0 adds {@code -g<n>}. */
    private static final List<String> COLLECTIONS = List.of("episodes", "opposedPseudonyms",
            "projectOpposedPseudonyms", "erasedSubjectKeys");
    private static final Pattern GENERATION_COLLECTION = Pattern.compile(
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

    /**
     * Where a rebuild stands. Resetting: every replica stops the rebuild's slot, and the first to find no claim
     * left on it forgets its tokens and empties the generation. Catching up: every replica runs the slot, which
     * fills the generation from the first event; it goes live once the slot's own positions pass the target.
     */
    public enum Phase {
        RESETTING, CATCHING_UP
    }

    /** The rebuild under way: which generation, by which slot, up to which event-store position, since when. */
    public record Rebuild(int generation, String processor, Phase phase, long target, long startPosition,
            Instant startedAt) {}

    /** Everything a replica follows, from one read. */
    public record State(Generation live, String liveProcessor, Optional<Rebuild> rebuild) {

        /** The generation a slot fills now, if any. */
        public Optional<Generation> filledBy(String processor, EpisodeGenerations generations) {
            if (processor.equals(liveProcessor)) {
                return Optional.of(live);
            }
            return rebuild.filter(r -> r.processor().equals(processor)).map(r -> generations.generation(
                    r.generation()));
        }

        /** Whether a slot should run: the live one always, the rebuild's once its tokens were reset. */
        public boolean runs(String processor) {
            return processor.equals(liveProcessor) || rebuild
                    .filter(r -> r.processor().equals(processor) && r.phase() == Phase.CATCHING_UP).isPresent();
        }
    }

    public State state() {
        Document current = current();
        Generation live = generation(current.getInteger("live", 0));
        String liveProcessor = current.get("liveProcessor", SLOT_A);
        Integer building = current.getInteger("building");
        if (building == null) {
            return new State(live, liveProcessor, Optional.empty());
        }
        // A rebuild recorded before slots existed starts over in the other slot.
        String processor = current.get("buildingProcessor", other(liveProcessor));
        Phase phase = Phase.valueOf(current.get("phase", Phase.RESETTING.name()));
        return new State(live, liveProcessor, Optional.of(new Rebuild(building, processor, phase,
                current.getLong("target"), current.getLong("startPosition"),
                current.getDate("startedAt").toInstant())));
    }

    public Generation live() {
        return generation(current().getInteger("live", 0));
    }

    public Optional<Rebuild> rebuild() {
        return state().rebuild();
    }

    /**
     * Records a rebuild up to {@code target} (the log's head now), unless one is already recorded; answers whether
     * this call recorded it. Two replicas asked at once record one rebuild.
     */
    public boolean requestRebuild(long target) {
        State now = state();
        if (now.rebuild().isPresent()) {
            return false;
        }
        int live = now.live().number();
        Bson unchanged = and(eq("_id", STATE_ID), exists("building", false),
                live == 0 ? or(eq("live", 0), exists("live", false)) : eq("live", live));
        try {
            UpdateResult recorded = state.updateOne(unchanged, Updates.combine(Updates.set("building", live + 1),
                    Updates.set("buildingProcessor", other(now.liveProcessor())),
                    Updates.set("phase", Phase.RESETTING.name()), Updates.set("target", target),
                    Updates.set("startPosition", -1L), Updates.set("startedAt", new Date())),
                    new UpdateOptions().upsert(true));
            return recorded.getModifiedCount() > 0 || recorded.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // another replica recorded its rebuild first
            }
            throw e;
        }
    }

    /** After the slot's tokens were forgotten: its generation starts empty, and the slot may run. */
    public boolean beginCatchingUp(Rebuild rebuild) {
        generation(rebuild.generation()).drop();
        return state.updateOne(and(eq("_id", STATE_ID), eq("building", rebuild.generation()),
                ne("phase", Phase.CATCHING_UP.name())),
                Updates.combine(
                        Updates.set("phase", Phase.CATCHING_UP.name()),
                        Updates.set("buildingProcessor", rebuild.processor())))
                .getModifiedCount() > 0;
    }

    /** Makes the rebuilt generation the live one, then drops the old one; answers whether this call did. */
    public boolean switchToRebuilt(Rebuild rebuild) {
        Generation old = live();
        boolean switched = state.updateOne(and(eq("_id", STATE_ID), eq("building", rebuild.generation()),
                eq("phase", Phase.CATCHING_UP.name())),
                Updates.combine(
                        Updates.set("live", rebuild.generation()),
                        Updates.set("liveProcessor", rebuild.processor()), Updates.unset("building"),
                        Updates.unset("buildingProcessor"), Updates.unset("phase"), Updates.unset("target"),
                        Updates.unset("startPosition"), Updates.set("switchedAt", new Date())))
                .getModifiedCount() > 0;
        if (switched) {
            old.drop();
        }
        return switched;
    }

    /**
     * Drops what is left of generations no longer live nor being built: a writer still holding the old state for a
     * moment after a switch (another replica, or this one within its cache time) recreates the dropped collections
     * with partial documents, which nothing would read, drop or erase. Returns the state it kept.
     */
    public State sweep() {
        // Listed before the state is read: a generation's collections appear only once the state names it, so one
        // listed here is always among those the state read next keeps.
        List<String> present = database.listCollectionNames().into(new ArrayList<>());
        State kept = state();
        Set<String> keptNames = new HashSet<>();
        kept.live().collections().forEach(c -> keptNames.add(c.getNamespace().getCollectionName()));
        kept.rebuild().map(r -> generation(r.generation())).ifPresent(
                g -> g.collections().forEach(c -> keptNames.add(c.getNamespace().getCollectionName())));
        for (String name : present) {
            if (GENERATION_COLLECTION.matcher(name).matches() && !keptNames.contains(name)) {
                database.getCollection(name).drop();
            }
        }
        return kept;
    }

    Generation generation(int number) {
        // Generation 0 keeps the names the read model had before rebuilds existed.
        String suffix = number == 0 ? "" : "-g" + number;
        List<MongoCollection<Document>> c = COLLECTIONS.stream().map(name -> database.getCollection(name + suffix))
                .toList();
        return new Generation(number, c.get(0), c.get(1), c.get(2), c.get(3));
    }

    private static String other(String slot) {
        return SLOT_A.equals(slot) ? SLOT_B : SLOT_A;
    }

    private Document current() {
        Document found = state.find(eq("_id", STATE_ID)).first();
        return found == null ? new Document() : found;
    }
}
