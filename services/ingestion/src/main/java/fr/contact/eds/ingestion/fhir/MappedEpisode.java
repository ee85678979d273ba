package fr.contact.eds.ingestion.fhir;

import java.util.List;

/** The events of one care episode found in a bundle, first {@code EpisodeOpenedEvent}. */
public record MappedEpisode(String episodeId, String patientPseudonym, List<Object> events) {

    public MappedEpisode {
        events = List.copyOf(events);
    }
}
