package fr.contact.eds.ingestion.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One pass over a body before the FHIR parser sees it, which is lenient where CONTACT cannot be: JSON as RFC 8259
 * writes it (no single quotes, comments or trailing commas), no name twice in an object (which value would count?),
 * no name FHIR cannot have, no text longer than any care record needs, and no control character in any name or text (they break every consumer of extracts). Problems come back at the
 * element, as a FHIRPath from the resource.
 */
public final class StrictJson {

    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /**
     * Every name FHIR JSON has: an element, its {@code _element} of id and extensions, or {@code resourceType}. Anything
     * else ({"$gt": ""} where an identifier's value belongs) the parser would drop silently, value and all.
     */
    private static final Pattern FHIR_NAME = Pattern.compile("_?[A-Za-z][A-Za-z0-9]*");

    /** Longer than any code, identifier, name or note a care record needs, and small enough for every read model. */
    static final int MAX_TEXT = 10_000;
    /** Narrative and attachment data: never mapped, so never stored, and bounded by the bundle size only. */
    private static final java.util.Set<String> UNBOUNDED = java.util.Set.of("div", "data");

    private StrictJson() {}

    /** A body that is not JSON at all answers 400; JSON with a faulty element, 422 at the element. */
    public record Problem(int status, IntakeIssue issue) {}

    public static Optional<Problem> problemIn(byte[] body) {
        try (JsonParser parser = STRICT.createParser(body)) {
            java.util.ArrayDeque<boolean[]> arrays = new java.util.ArrayDeque<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                Optional<Problem> misplacedNull = misplacedNull(parser, token, arrays);
                if (misplacedNull.isPresent()) {
                    return misplacedNull;
                }
                if (token == JsonToken.FIELD_NAME && !FHIR_NAME.matcher(parser.currentName()).matches()) {
                    return Optional.of(new Problem(422, IntakeIssue.error("structure", fhirPath(parser),
                            "Not a FHIR element name: is a value written as an object where a string or number "
                                    + "belongs?")));
                }
                if (token == JsonToken.VALUE_STRING && parser.getTextLength() > MAX_TEXT
                        && !(parser.currentName() != null && UNBOUNDED.contains(parser.currentName()))) {
                    return Optional.of(new Problem(422, IntakeIssue.error("too-long", fhirPath(parser), "Holds "
                            + parser.getTextLength() + " characters; a code, identifier, name or text holds at most "
                            + MAX_TEXT)));
                }
                if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                    int control = controlCharacterIn(parser.getText());
                    if (control >= 0) {
                        return Optional.of(new Problem(422, IntakeIssue.error("invalid", fhirPath(parser),
                                "Holds a control character (U+" + String.format("%04X", control)
                                        + "): codes, identifiers and texts must be printable")));
                    }
                }
            }
            return Optional.empty();
        } catch (JsonParseException e) {
            String message = String.valueOf(e.getMessage());
            boolean duplicate = message.startsWith("Duplicate field");
            String where = " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return Optional.of(duplicate
                    ? new Problem(422, IntakeIssue.error("structure", fhirPath(e.getProcessor()),
                            "An element appears twice in the same object" + where))
                    : new Problem(400, IntakeIssue.error("structure", "Bundle", message.startsWith("Invalid UTF-8")
                            ? "The body is not UTF-8, as JSON must be (RFC 8259)" + where
                            : "The body is not well-formed JSON" + where)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * FHIR JSON leaves an absent element out: {@code null} stands only in a list of primitives, to keep it aligned
     * with its {@code _element} list. Anywhere else the parser would hand the mapper a null it cannot expect.
     */
    private static Optional<Problem> misplacedNull(JsonParser parser, JsonToken token,
            java.util.ArrayDeque<boolean[]> arrays) {
        var context = parser.getParsingContext();
        switch (token) {
            case START_ARRAY, START_OBJECT -> {
                if (context.getParent() != null && context.getParent().inArray() && !arrays.isEmpty()) {
                    arrays.peek()[1] = true; // an object or list in this list: not a list of primitives
                }
                if (token == JsonToken.START_ARRAY) {
                    String name = context.getParent() == null ? null : context.getParent().getCurrentName();
                    // {null, object, an _element list, primitive}: _element lists align ids and extensions with a
                    // primitive list, so they may hold nulls beside objects.
                    arrays.push(new boolean[]{false, false, name != null && name.startsWith("_"), false});
                }
            }
            case END_ARRAY -> {
                boolean[] seen = arrays.pop();
                if (seen[0] && (seen[1] || !seen[3]) && !seen[2]) {
                    return Optional.of(nullProblem(parser));
                }
            }
            case VALUE_NULL -> {
                if (!context.inArray()) {
                    return Optional.of(nullProblem(parser));
                }
                arrays.peek()[0] = true;
            }
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
                if (context.inArray()) {
                    arrays.peek()[3] = true;
                }
            }
            default -> {
            }
        }
        return Optional.empty();
    }

    private static Problem nullProblem(JsonParser parser) {
        return new Problem(422, IntakeIssue.error("structure", fhirPath(parser), "null stands only in a list of "
                + "primitives in FHIR JSON: leave an absent element out"));
    }

    private static int controlCharacterIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return c;
            }
        }
        return -1;
    }

    /** {@code /entry/0/resource/code} becomes {@code Bundle.entry[0].resource.code}. */
    static String fhirPath(JsonParser parser) {
        if (parser == null) {
            return "Bundle";
        }
        StringBuilder path = new StringBuilder("Bundle");
        for (JsonPointer at = parser.getParsingContext().pathAsPointer(); !at.matches(); at = at.tail()) {
            if (at.mayMatchElement()) {
                path.append('[').append(at.getMatchingIndex()).append(']');
            } else {
                path.append('.').append(at.getMatchingProperty());
            }
        }
        return path.toString();
    }
}
