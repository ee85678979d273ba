package fr.contact.eds.auditproof;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The bytes an audit entry is hashed as: a one-line JSON object with exactly {@link #FIELDS}, in that order, each a
 * string, null, or (patientPseudonyms) an array of strings; no spaces; strings escaped as JSON requires and nothing
 * more ({@code "} and {@code \} and control characters, the latter as \\u00XX). Times are ISO-8601 UTC with
 * milliseconds, as the export writes them. Then each of {@link #ORIGIN_FIELDS} that is not null, in that order:
 * they were added later, and an entry recorded before them must keep the leaf it was appended as.
 */
public final class AuditLeaf {

    public static final List<String> FIELDS = List.of("accessId", "occurredAt", "service", "actorSubject",
            "actorRole", "organisation", "purpose", "action", "resourceKind", "patientPseudonyms", "outcome",
            "traceId");

    /** Where the access came from (IHE BALP's client and server agents, the raw request); encoded when present. */
    public static final List<String> ORIGIN_FIELDS = List.of("client", "clientAddress", "serverAddress", "request");

    private AuditLeaf() {}

    /** {@code field} gives each field's value by name: a String, a collection of Strings, or null. */
    public static byte[] encode(Function<String, Object> field) {
        StringBuilder json = new StringBuilder(256).append('{');
        for (String name : FIELDS) {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, name);
            json.append(':');
            value(json, field.apply(name));
        }
        for (String name : ORIGIN_FIELDS) {
            Object value = field.apply(name);
            if (value != null) {
                json.append(',');
                string(json, name);
                json.append(':');
                value(json, value);
            }
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] hash(Function<String, Object> field) {
        return MerkleHashes.leafHash(encode(field));
    }

    private static void value(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Collection<?> values) {
            json.append('[');
            boolean first = true;
            for (Object v : values) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                string(json, String.valueOf(v));
            }
            json.append(']');
        } else {
            string(json, value.toString());
        }
    }

    private static void string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
