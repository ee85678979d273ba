package fr.contact.eds.episodes.episodes;

import java.util.Arrays;
import java.util.Optional;

/**
 * How pages of episodes are ordered. {@code BY_EPISODE} (keyed identifiers, so an order unrelated to time) serves
 * permits with shifted dates, where an order by real time would betray the shifts.
 */
public enum EpisodeOrder {

    NEWEST_FIRST("-openedAt"), OLDEST_FIRST("openedAt"), BY_EPISODE("episodeId");

    private final String parameter;

    EpisodeOrder(String parameter) {
        this.parameter = parameter;
    }

    /** As written in the {@code sort} query parameter. */
    public String parameter() {
        return parameter;
    }

    public static Optional<EpisodeOrder> ofParameter(String value) {
        return Arrays.stream(values()).filter(o -> o.parameter.equals(value)).findFirst();
    }
}
