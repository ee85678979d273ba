package fr.contact.eds.episodes.episodes;

import java.time.Instant;

/**
 * What to look for; null means any. {@code associationId} is forced to the caller's own for associations;
 * {@code researchProject}, for a permit holder, leaves out the patients who oppose that project.
 */
public record EpisodeFilter(Instant from, Instant to, String departement, String associationId, String modality,
        String icpc2, String outcome, String ageBand, String researchProject) {

    public static final EpisodeFilter ANY = new EpisodeFilter(null, null, null, null, null, null, null, null);

    public EpisodeFilter(Instant from, Instant to, String departement, String associationId, String modality,
            String icpc2, String outcome, String ageBand) {
        this(from, to, departement, associationId, modality, icpc2, outcome, ageBand, null);
    }
}
