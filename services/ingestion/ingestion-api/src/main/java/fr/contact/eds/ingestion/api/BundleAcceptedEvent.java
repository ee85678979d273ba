package fr.contact.eds.ingestion.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A bundle taken in: the first event of its intake, so that the same bundle sent again answers the same.
 * Counts and which entries were used, no content: {@code droppedByOpposition} episodes were not stored because the patient opposed.
 * {@code entryNotes} says, per entry not used, why (null for a used entry, and on bundles accepted before notes were
 * kept): answered again as it was the first time.
 */
public record BundleAcceptedEvent(
        String bundleKey,
        String associationId,
        String bundleType,
        List<EpisodeId> episodeIds,
        List<Boolean> entryUsed,
        int resourcesUsed,
        int resourcesIgnored,
        int droppedByOpposition,
        Instant acceptedAt,
        List<String> entryNotes) {

    public BundleAcceptedEvent {
        episodeIds = EpisodeId.known(episodeIds);
        entryUsed = List.copyOf(entryUsed);
        entryNotes = entryNotes == null ? null : Collections.unmodifiableList(new ArrayList<>(entryNotes));
    }

    /** The reason entry {@code index} was not used, if one was recorded. */
    public String noteOn(int index) {
        return entryNotes == null || index >= entryNotes.size() ? null : entryNotes.get(index);
    }
}
