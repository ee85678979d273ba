package fr.contact.eds.episodes.episodes;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.not;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.min;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.EPISODE_ID;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.OPPOSED;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.OPPOSED_PROJECTS;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.PATIENT;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.SUBJECT_KEY;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.UNCHECKED;
import static fr.contact.eds.episodes.episodes.EpisodeProjection.UPSERT;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import fr.contact.eds.episodes.episodes.EpisodeGenerations.Generation;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.platform.crypto.ErasedCopies;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * How a patient's consent and erasure reach their episodes, when the patient's decisions and each episode's events
 * run in sequences of their own, side by side. The consent in force is kept per pseudonym with the log position of
 * the decision that set it; an episode remembers the position of the state it shows and only ever takes a state at
 * least as recent. Each side writes its own part first and then reads the other's: a decision is stored and then
 * spread to the episodes already there; an opened episode is written hidden, then checked against the consent
 * stored, then shown.
 * Whichever of the two reads second sees the other's write, so an episode never ends up missing its patient's
 * latest decision, whatever the two sequences' interleaving, and the positions keep a late write from undoing a
 * newer one.
 */
final class ConsentMarks {

    private static final String AT = "at";
    /** Episodes copy the opening under its own names, so they lose exactly its personal fields. */
    private static final Bson ERASURE = ErasedCopies.update(EpisodeOpenedEvent.class);

    private ConsentMarks() {}

    /** The two kinds of decision an episode shows: opposed to all reuse, and the projects opposed. */
    private enum Mark {

        OPPOSITION(Generation::opposed, "consentAt") {

            @Override
            Bson state(Document decision) {
                // Documents stored before decisions carried positions exist only while opposed.
                return decision.getBoolean(OPPOSED, true) ? set(OPPOSED, true) : unset(OPPOSED);
            }
        },
        PROJECTS(Generation::projectOpposed, "projectsAt") {

            @Override
            Bson state(Document decision) {
                return set(OPPOSED_PROJECTS, decision.getList(OPPOSED_PROJECTS, String.class, List.of()));
            }
        };

        private final Function<Generation, MongoCollection<Document>> decisions;
        private final String shownAt;

        Mark(Function<Generation, MongoCollection<Document>> decisions, String shownAt) {
            this.decisions = decisions;
            this.shownAt = shownAt;
        }

        abstract Bson state(Document decision);

        void spread(Generation g, Bson episodes, Document decision) {
            long at = position(decision);
            g.episodes().updateMany(and(episodes, not(gt(shownAt, at))),
                    combine(state(decision), set(shownAt, at)));
        }
    }

    /** An opposition to all reuse registered or withdrawn at log position {@code at}. */
    static void oppose(Generation g, List<String> pseudonyms, boolean opposed, long at) {
        pseudonyms.forEach(p -> advance(g.opposed(), p, at, set(OPPOSED, opposed), new Document(OPPOSED, opposed)));
        spread(g, Mark.OPPOSITION, pseudonyms);
    }

    /** An opposition to one research project registered or withdrawn at log position {@code at}. */
    static void opposeProject(Generation g, List<String> pseudonyms, String projectId, boolean opposed, long at) {
        pseudonyms.forEach(p -> advance(g.projectOpposed(), p, at,
                opposed ? addToSet(OPPOSED_PROJECTS, projectId) : pull(OPPOSED_PROJECTS, projectId),
                new Document(OPPOSED_PROJECTS, opposed ? List.of(projectId) : List.of())));
        spread(g, Mark.PROJECTS, pseudonyms);
    }

    /**
     * The patient's keys were destroyed at {@code at}: their episodes lose what identified them. Returns the
     * pseudonyms they were known under.
     */
    static List<String> erase(Generation g, List<String> keys, long at) {
        g.erasedKeys().bulkWrite(keys.stream().map(k -> new UpdateOneModel<Document>(eq("_id", k), min(AT, at),
                UPSERT)).toList());
        List<String> pseudonyms = new ArrayList<>();
        g.episodes().find(in(SUBJECT_KEY, keys)).projection(include(PATIENT))
                .forEach(d -> pseudonyms.add(d.getString(PATIENT)));
        g.episodes().updateMany(in(SUBJECT_KEY, keys), ERASURE);
        return pseudonyms.stream().filter(Objects::nonNull).distinct().toList();
    }

    /**
     * Before the batch is written: its openings are written hidden, and shown only once checked. An episode is thus
     * never shown between being written and taking its patient's decisions.
     */
    static void hideUntilChecked(Collection<EpisodeChange> changes) {
        changes.stream().filter(EpisodeChange::opens).forEach(c -> c.set(UNCHECKED, true));
    }

    /**
     * After the batch is written: its openings take the consent and erasures their patients' own sequences stored,
     * then show. A decision taken after a patient's erasure does not reach an opening erased before it: that episode
     * no longer names the patient, as if it had been written in time. Returns the pseudonyms of patients found
     * erased.
     */
    static List<String> reconcile(Generation g, Map<String, EpisodeChange> changes) {
        Map<String, Long> erased = erased(g, changes.values());
        List<String> patients = changes.values().stream().map(c -> c.patientPseudonym).filter(Objects::nonNull)
                .distinct().toList();
        if (!patients.isEmpty()) {
            spreadToOpenings(g, changes, patients, erased);
        }
        List<String> erasedEpisodes = changes.entrySet().stream()
                .filter(e -> erased.containsKey(e.getValue().subjectKeyId)).map(Map.Entry::getKey).toList();
        if (!erasedEpisodes.isEmpty()) {
            g.episodes().updateMany(in(EPISODE_ID, erasedEpisodes), ERASURE);
        }
        List<String> openings = changes.entrySet().stream().filter(e -> e.getValue().opens()).map(Map.Entry::getKey)
                .toList();
        if (!openings.isEmpty()) {
            g.episodes().updateMany(in(EPISODE_ID, openings), unset(UNCHECKED));
        }
        return erasedEpisodes.stream().map(id -> changes.get(id).patientPseudonym).filter(Objects::nonNull)
                .distinct().toList();
    }

    /** Each stored decision about the batch's patients, to the openings it reaches. */
    private static void spreadToOpenings(Generation g, Map<String, EpisodeChange> changes, List<String> patients,
            Map<String, Long> erased) {
        for (Mark mark : Mark.values()) {
            for (Document decision : mark.decisions.apply(g).find(in("_id", patients))) {
                long at = position(decision);
                List<String> reached = changes.entrySet().stream()
                        .filter(e -> decision.get("_id").equals(e.getValue().patientPseudonym))
                        .filter(e -> erased.getOrDefault(e.getValue().subjectKeyId, Long.MAX_VALUE) > at)
                        .map(Map.Entry::getKey).toList();
                if (!reached.isEmpty()) {
                    mark.spread(g, in(EPISODE_ID, reached), decision);
                }
            }
        }
    }

    private static void spread(Generation g, Mark mark, List<String> pseudonyms) {
        mark.decisions.apply(g).find(in("_id", pseudonyms))
                .forEach(decision -> mark.spread(g, eq(PATIENT, decision.get("_id")), decision));
    }

    /**
     * Moves one pseudonym's decision to position {@code at}, unless it already stands there or later (the same
     * event delivered again after a crash, or an older one replayed before its successors).
     */
    private static void advance(MongoCollection<Document> decisions, String pseudonym, long at, Bson change,
            Document first) {
        if (decisions.updateOne(and(eq("_id", pseudonym), not(gte(AT, at))), combine(change, set(AT, at)))
                .getMatchedCount() > 0) {
            return;
        }
        try {
            decisions.insertOne(first.append("_id", pseudonym).append(AT, at));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static Map<String, Long> erased(Generation g, Collection<EpisodeChange> changes) {
        List<String> keys = changes.stream().map(c -> c.subjectKeyId).filter(Objects::nonNull).distinct().toList();
        Map<String, Long> erased = new HashMap<>();
        if (!keys.isEmpty()) {
            g.erasedKeys().find(in("_id", keys)).forEach(d -> erased.put(d.getString("_id"), position(d)));
        }
        return erased;
    }

    private static long position(Document decision) {
        Object at = decision.get(AT);
        return at instanceof Number n ? n.longValue() : -1;
    }
}
