package fr.contact.eds.ingestion.api;

/**
 * An event about one care episode. Whatever reads these keeps one episode's events in the order they were stored
 * (its sequence), and may handle different episodes side by side: an event it cannot handle then holds back only its
 * own episode.
 */
public interface EpisodeEvent {

    EpisodeId episodeId();
}
