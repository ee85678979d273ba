package fr.contact.eds.ingestion.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A laboratory result (an Observation of category {@code laboratory} with a quantity), kept apart from vital signs:
 * a point-of-care glucose or troponin is no measure of the patient's state taken at the bedside, and research reads
 * the two differently.
 */
public record LaboratoryResultRecordedEvent(
        EpisodeId episodeId,
        String observationId,
        Code code,
        BigDecimal value,
        String unit,
        Instant effectiveAt) implements EpisodeEvent {}
