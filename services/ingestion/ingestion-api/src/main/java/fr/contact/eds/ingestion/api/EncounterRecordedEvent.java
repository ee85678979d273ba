package fr.contact.eds.ingestion.api;

import java.time.Instant;

/** The visit, consultation or teleconsultation and its timings ({@code arrivedAt} for home visits). */
public record EncounterRecordedEvent(
        String episodeId,
        EncounterClass encounterClass,
        Instant startedAt,
        Instant endedAt,
        Instant arrivedAt) {}
