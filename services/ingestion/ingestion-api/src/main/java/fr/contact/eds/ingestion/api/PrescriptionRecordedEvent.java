package fr.contact.eds.ingestion.api;

import java.time.Instant;
import java.util.List;

/** A medication prescribed during the episode (coded medication, e.g. ATC or CIP/UCD). */
public record PrescriptionRecordedEvent(EpisodeId episodeId, String prescriptionId, List<Code> medication,
        Instant authoredAt) implements EpisodeEvent {

    public PrescriptionRecordedEvent {
        medication = List.copyOf(medication);
    }
}
