package fr.contact.eds.ingestion.api;

import java.time.Instant;
import java.util.List;

/**
 * A bundle taken in: the first event of its intake, so that the same bundle sent again answers the same.
 * Counts and which entries were used, no content: {@code droppedByOpposition} episodes were not stored because the patient opposed.
 */
public record BundleAcceptedEvent(
        String bundleKey,
        String associationId,
        String bundleType,
        List<String> episodeIds,
        List<Boolean> entryUsed,
        int resourcesUsed,
        int resourcesIgnored,
        int droppedByOpposition,
        Instant acceptedAt) {

    public BundleAcceptedEvent {
        episodeIds = List.copyOf(episodeIds);
        entryUsed = List.copyOf(entryUsed);
    }
}
