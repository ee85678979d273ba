package fr.contact.eds.platform.text;

import java.util.Optional;

/**
 * The one rule for text a caller hands in: bounded, so that no read model, event or extract meets a megabyte where
 * a title belongs, and printable, as a control character breaks every consumer of the RDF and of extracts. Free
 * text may hold line breaks and tabs; one-line values (names, codes, titles) may not.
 */
public final class BoundedText {

    /** Longer than any note a care record or a project proposal needs. */
    public static final int FREE_TEXT = 10_000;
    /** Longer than any name, title or code. */
    public static final int ONE_LINE = 500;

    private BoundedText() {}

    /** Why {@code value} is refused as {@code field}, or empty when it is fine (or absent). */
    public static Optional<String> problem(String field, String value, int maxLength, boolean multiline) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            return Optional.of(field + " holds " + value.length() + " characters; at most " + maxLength);
        }
        boolean control = value.chars().anyMatch(c -> Character.isISOControl(c)
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
        return control ? Optional.of(field + " must not contain control characters") : Optional.empty();
    }
}
