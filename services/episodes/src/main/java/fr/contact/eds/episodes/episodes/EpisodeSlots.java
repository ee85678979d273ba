package fr.contact.eds.episodes.episodes;

import com.mongodb.client.MongoDatabase;
import fr.contact.eds.platform.axon.ReplayRefusals;
import fr.contact.eds.platform.axon.StandbyProcessors;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two processors that fill the episodes generations, one projection each. Reads wait for, and fail closed on,
 * the slot that fills the live generation; the other is on standby until a rebuild has filled its generation.
 */
@Singleton
public class EpisodeSlots implements StandbyProcessors, ReplayRefusals {

    private final EpisodeGenerations generations;
    private final Map<String, EpisodeProjection> projections = new LinkedHashMap<>();

    @Inject
    public EpisodeSlots(MongoDatabase database, ResearchIdentifiers researchIdentifiers) {
        this.generations = new EpisodeGenerations(database);
        EpisodeGenerations.SLOTS.forEach(
                slot -> projections.put(slot, new EpisodeProjection(database, researchIdentifiers, slot)));
    }

    public Collection<EpisodeProjection> projections() {
        return projections.values();
    }

    public EpisodeProjection projection(String slot) {
        return projections.get(slot);
    }

    public EpisodeGenerations generations() {
        return generations;
    }

    /** The processor filling the live generation: the one a read as of a receipt waits for. */
    public String serving() {
        return generations.state().liveProcessor();
    }

    @Override
    public Optional<String> refusal(String processor) {
        return projections.containsKey(processor) ? Optional.of("Processor " + processor + " fills a generation of "
                + "the episodes read model; rebuild it with POST /admin/projections/episodes/rebuild, which keeps the "
                + "live generation current and serving meanwhile") : Optional.empty();
    }

    @Override
    public Set<String> onStandby() {
        String serving = serving();
        return projections.keySet().stream().filter(slot -> !slot.equals(serving)).collect(Collectors.toSet());
    }
}
