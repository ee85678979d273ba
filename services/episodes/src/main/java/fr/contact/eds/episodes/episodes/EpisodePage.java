package fr.contact.eds.episodes.episodes;

import java.util.List;

/** One page of episodes, newest first; {@code next} is the cursor of the following page, null on the last. */
public record EpisodePage(List<Episode> episodes, long total, String next) {

    public EpisodePage {
        episodes = List.copyOf(episodes);
    }
}
