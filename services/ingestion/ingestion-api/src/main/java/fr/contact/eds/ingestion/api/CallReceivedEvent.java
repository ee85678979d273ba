package fr.contact.eds.ingestion.api;

import java.time.Instant;
import java.util.List;

/** The patient's call and its regulation: coded reasons, triage priority, regulation decision. */
public record CallReceivedEvent(
        EpisodeId episodeId,
        Instant receivedAt,
        List<Code> reasons,
        String triagePriority,
        String regulationDecision) implements EpisodeEvent {

    public CallReceivedEvent {
        reasons = List.copyOf(reasons);
    }
}
