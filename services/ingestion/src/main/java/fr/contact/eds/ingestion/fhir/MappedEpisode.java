package fr.contact.eds.ingestion.fhir;

import java.util.List;

/**
 * The events of one care episode found in a bundle, first {@code EpisodeOpenedEvent}; {@code knownAs} is every
 * pseudonym the patient may have opposed under (the consent gate checks them all).
 */
public record MappedEpisode(String episodeId, String patientPseudonym, List<String> knownAs, List<Object> events) {

    public MappedEpisode {
        knownAs = List.copyOf(knownAs);
        events = List.copyOf(events);
    }
}
