package fr.contact.eds.ingestion.api;

import java.time.Instant;

/** How the episode ended. */
public record OutcomeRecordedEvent(EpisodeId episodeId, Disposition disposition,
        Instant recordedAt) implements EpisodeEvent {}
