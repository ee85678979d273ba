package fr.contact.eds.episodes.episodes;

import fr.contact.eds.episodes.episodes.EpisodeGenerations.Generation;
import java.util.List;

/** Which generation a slot's events go to, re-read at most every second so that a rebuild's switch reaches it. */
final class SlotRouting {

    private static final long STATE_TTL_MILLIS = 1000;

    private final EpisodeGenerations generations;
    private final String slot;
    private volatile EpisodeGenerations.State state;
    private volatile long readAt;

    SlotRouting(EpisodeGenerations generations, String slot) {
        this.generations = generations;
        this.slot = slot;
    }

    /** The generation this slot fills now: none while it waits for a rebuild. */
    List<Generation> targets() {
        if (state == null || System.currentTimeMillis() - readAt > STATE_TTL_MILLIS) {
            refresh();
        }
        return state.filledBy(slot, generations).map(List::of).orElse(List.of());
    }

    /**
     * Re-reads which generations exist (before the slot starts, and every second while events arrive), and drops
     * what a late writer left of a generation switched away from.
     */
    void refresh() {
        state = generations.sweep();
        readAt = System.currentTimeMillis();
    }

    String slot() {
        return slot;
    }

    EpisodeGenerations generations() {
        return generations;
    }
}
