package fr.contact.eds.ingestion.api;

import java.math.BigDecimal;
import java.time.Instant;

/** A measured vital sign (LOINC-coded Observation with a quantity). */
public record VitalSignRecordedEvent(
        EpisodeId episodeId,
        String observationId,
        Code code,
        BigDecimal value,
        String unit,
        Instant effectiveAt) implements EpisodeEvent {}
