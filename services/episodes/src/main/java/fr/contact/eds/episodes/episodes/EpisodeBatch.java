package fr.contact.eds.episodes.episodes;

import static com.mongodb.client.model.Filters.eq;
import static fr.contact.eds.episodes.episodes.EpisodeProjection.UPSERT;

import com.mongodb.client.model.UpdateOneModel;
import fr.contact.eds.episodes.episodes.EpisodeGenerations.Generation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;

/**
 * What the projection writes for one batch of events: changes are held in the unit of work and written together when
 * it commits, or at once when there is none (tests, replays driven by hand).
 */
final class EpisodeBatch {

    private static final String PENDING = EpisodeBatch.class.getName() + ".pending";

    private final ResearchIdentifiers researchIdentifiers;
    private final Map<Generation, Map<String, EpisodeChange>> outsideUnitsOfWork = new LinkedHashMap<>();

    EpisodeBatch(ResearchIdentifiers researchIdentifiers) {
        this.researchIdentifiers = researchIdentifiers;
    }

    /**
     * The changes of one batch, merged per episode: a batch of a hundred events touches a dozen episodes, and each
     * gets one upsert at commit. Merging is safe because every event owns its fields and adds whole items.
     */
    EpisodeChange pending(Generation generation, String episodeId) {
        Map<Generation, Map<String, EpisodeChange>> batch = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(PENDING, key -> {
                    CurrentUnitOfWork.get().root().onPrepareCommit(u -> flush());
                    return new LinkedHashMap<>();
                })
                : outsideUnitsOfWork;
        return batch.computeIfAbsent(generation, g -> new LinkedHashMap<>()).computeIfAbsent(episodeId,
                id -> new EpisodeChange());
    }

    void writeThroughOutsideUnitsOfWork() {
        if (!CurrentUnitOfWork.isStarted()) {
            flush();
        }
    }

    /** Writes what is pending: before an update that must see it, and when the batch commits. */
    void flush() {
        Map<Generation, Map<String, EpisodeChange>> batch = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getResource(PENDING)
                : outsideUnitsOfWork;
        if (batch == null || batch.isEmpty()) {
            return;
        }
        List<String> erased = new ArrayList<>();
        batch.forEach((generation, changes) -> {
            ConsentMarks.hideUntilChecked(changes.values());
            generation.episodes().bulkWrite(changes.entrySet().stream()
                    .map(e -> new UpdateOneModel<Document>(eq("_id", e.getKey()), e.getValue().toUpdate(), UPSERT))
                    .toList());
            erased.addAll(ConsentMarks.reconcile(generation, changes));
        });
        batch.clear();
        if (!erased.isEmpty()) {
            researchIdentifiers.forget(erased.stream().distinct().toList());
        }
    }
}
