package fr.contact.eds.ingestion.api;

import java.time.Instant;

/**
 * A care episode seen for the first time or again: who it concerns, by pseudonym and generalised traits
 * only. {@code episodeId} is derived from the association and its own episode identifier with the
 * pseudonymisation key, so the source software's identifiers never enter the store.
 */
public record EpisodeOpenedEvent(
        String episodeId,
        String associationId,
        String patientPseudonym,
        int keyVersion,
        String sex,
        int ageYears,
        String ageBand,
        int birthYear,
        String departement,
        Instant openedAt) {}
