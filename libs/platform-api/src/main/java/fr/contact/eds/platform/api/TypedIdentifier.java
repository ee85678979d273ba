package fr.contact.eds.platform.api;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An identifier with a type of its own ({@link PatientPseudonym}, an episode's id…) that is stored and sent as its
 * text. Each such record also offers {@code static ofNullable(String)}, which reads a blank or missing text as
 * absent: a message an older writer left with a blank identifier then still reads, instead of failing its handlers.
 */
public interface TypedIdentifier {

    String value();

    /** What a record's constructor checks: an identifier has a text. */
    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " has a value");
        }
        return value;
    }

    /** The identifier {@code make} builds from {@code value}, or null for a blank or missing text. */
    static <T extends TypedIdentifier> T ofText(String value, Function<String, T> make) {
        return value == null || value.isBlank() ? null : make.apply(value);
    }

    /** The text a read model stores, null for none. */
    static String textOf(TypedIdentifier identifier) {
        return identifier == null ? null : identifier.value();
    }

    /** The identifiers a message lists, without the absent ones, never null. */
    static <T extends TypedIdentifier> List<T> present(List<T> identifiers) {
        return identifiers == null ? List.of() : identifiers.stream().filter(Objects::nonNull).toList();
    }
}
