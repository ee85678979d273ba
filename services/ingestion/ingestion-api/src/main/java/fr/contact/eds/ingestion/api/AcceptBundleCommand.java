package fr.contact.eds.ingestion.api;

import fr.contact.eds.platform.api.AccessRecordedEvent;
import java.util.List;

/**
 * Take in a mapped bundle: its acceptance, the episodes' events and the association's access, appended
 * together. A second command with the same {@code bundleKey} fails: the bundle was already taken in.
 */
public record AcceptBundleCommand(BundleAcceptedEvent accepted, List<EpisodeEvent> episodeEvents,
        AccessRecordedEvent access) {

    public AcceptBundleCommand {
        episodeEvents = List.copyOf(episodeEvents);
    }

    public String bundleKey() {
        return accepted.bundleKey();
    }
}
