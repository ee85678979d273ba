package fr.contact.eds.episodes.query;

import java.time.Instant;

/** What to look for; null means any. {@code associationId} is forced to the caller's own for associations. */
public record EpisodeFilter(Instant from, Instant to, String departement, String associationId, String modality,
        String icpc2, String outcome, String ageBand) {}
