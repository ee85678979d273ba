package fr.contact.eds.ingestion.fhir;

import fr.contact.eds.ingestion.api.EpisodeEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.platform.api.PatientPseudonym;
import java.util.List;

/**
 * The events of one care episode found in a bundle, first {@code EpisodeOpenedEvent}; {@code knownAs} is every
 * pseudonym the patient may have opposed under (the consent gate checks them all).
 */
public record MappedEpisode(EpisodeId episodeId, PatientPseudonym patientPseudonym, List<PatientPseudonym> knownAs,
        List<EpisodeEvent> events) {

    public MappedEpisode {
        knownAs = List.copyOf(knownAs);
        events = List.copyOf(events);
    }
}
