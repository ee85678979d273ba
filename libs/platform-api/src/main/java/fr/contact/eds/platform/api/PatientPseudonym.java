package fr.contact.eds.platform.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * The warehouse's name for a patient: "v{key version}.{HMAC of the identity}", the same in every service. Never shown
 * to a research project, which sees a project pseudonym instead. In messages and JSON answers it is its plain text,
 * so events stored before it was typed read the same.
 */
public record PatientPseudonym(@JsonValue String value) implements TypedIdentifier {

    public PatientPseudonym {
        TypedIdentifier.requireText(value, "A patient pseudonym");
    }

    /**
     * A stored value read back: null when there is none (an episode whose patient was erased, say). Events are read
     * through here too, so that a blank value stored in the past reads as absent instead of failing its processors.
     */
    @JsonCreator
    public static PatientPseudonym ofNullable(String value) {
        return TypedIdentifier.ofText(value, PatientPseudonym::new);
    }

    /** The text a read model stores, null for none: the other way round from {@link #ofNullable}. */
    public static String valueOf(PatientPseudonym pseudonym) {
        return TypedIdentifier.textOf(pseudonym);
    }

    /**
     * The pseudonyms a message lists, without the absent ones, never null: a message read from the store stays
     * whole whatever an older writer left in its list.
     */
    public static List<PatientPseudonym> known(List<PatientPseudonym> values) {
        return TypedIdentifier.present(values);
    }

    /** The texts of {@code pseudonyms}, for a read model's filter or keys. */
    public static List<String> values(List<PatientPseudonym> pseudonyms) {
        return known(pseudonyms).stream().map(PatientPseudonym::value).toList();
    }

    /** The key version that made it, read from its prefix; 0 for a value not made by the pseudonymiser. */
    public int keyVersion() {
        int dot = value.indexOf('.');
        if (value.charAt(0) != 'v' || dot < 2) {
            return 0;
        }
        try {
            return Integer.parseInt(value, 1, dot, 10);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
