package fr.contact.eds.platform.axon;

import java.util.List;
import java.util.Objects;

/**
 * What a projection may meet in an event, read safely: a stored event may carry what its type allows, null lists
 * and null items included, and one handler that throws on them parks everything after it.
 */
public final class EventValues {

    private EventValues() {}

    /** A list an event may carry as null or with null items, as the items that are there. */
    public static <T> List<T> present(List<T> items) {
        return items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
    }
}
