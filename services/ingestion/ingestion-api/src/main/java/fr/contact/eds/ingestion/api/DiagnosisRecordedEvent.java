package fr.contact.eds.ingestion.api;

import java.util.List;

/** One diagnosis with every coding it was sent with (ICPC-2 and/or ICD-10), kept as coded. */
public record DiagnosisRecordedEvent(EpisodeId episodeId, String diagnosisId,
        List<Code> codings) implements EpisodeEvent {

    public DiagnosisRecordedEvent {
        codings = List.copyOf(codings);
    }
}
