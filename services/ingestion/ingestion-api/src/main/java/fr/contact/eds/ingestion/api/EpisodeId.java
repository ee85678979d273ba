package fr.contact.eds.ingestion.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import fr.contact.eds.platform.api.TypedIdentifier;
import java.util.List;

/**
 * A care episode in the warehouse: keyed from the association and its own identifier for the episode, so the
 * source software's identifiers never enter the store. In events and JSON it is its plain text, as before it was
 * typed; a blank text an older writer left reads as absent.
 */
public record EpisodeId(@JsonValue String value) implements TypedIdentifier {

    public EpisodeId {
        TypedIdentifier.requireText(value, "An episode id");
    }

    @JsonCreator
    public static EpisodeId ofNullable(String value) {
        return TypedIdentifier.ofText(value, EpisodeId::new);
    }

    /** The ids a message lists, without the absent ones, never null. */
    public static List<EpisodeId> known(List<EpisodeId> ids) {
        return TypedIdentifier.present(ids);
    }

    @Override
    public String toString() {
        return value;
    }
}
