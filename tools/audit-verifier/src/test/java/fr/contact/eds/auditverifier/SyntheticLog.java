package fr.contact.eds.auditverifier;

import fr.contact.eds.auditproof.AuditLeaf;
import fr.contact.eds.auditproof.CompactRange;
import fr.contact.eds.auditproof.Hex;
import fr.contact.eds.auditproof.SignedTreeHead;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A log as the audit service serves it, written line by line, and the head it signs. */
final class SyntheticLog {

    private SyntheticLog() {}

    static Map<String, Object> entry(long i) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("leafIndex", i);
        entry.put("accessId", "access-" + i);
        entry.put("occurredAt", Instant.ofEpochMilli(1_790_000_000_000L + i * 37).toString());
        entry.put("service", "episodes");
        entry.put("actorSubject", "researcher-" + (i % 50));
        entry.put("actorRole", "researcher");
        entry.put("organisation", "project-" + (i % 7));
        entry.put("purpose", "research");
        entry.put("action", "READ");
        entry.put("resourceKind", "Episode");
        entry.put("patientPseudonyms", List.of("v1.p" + (i * 31 % 100_000), "v1.p" + (i * 17 % 100_000)));
        entry.put("outcome", "SUCCESS");
        entry.put("traceId", null);
        return entry;
    }

    /** Writes {@code size} entries, {@code purgedBefore} of them purged (hash only), and signs the tree. */
    static SignedTreeHead write(Writer out, long size, long purgedBefore, PrivateKey key) throws IOException {
        BufferedWriter lines = new BufferedWriter(out, 1 << 16);
        lines.write("{\"treeSize\":" + size + ",\"purgedBefore\":" + purgedBefore + "}\n");
        CompactRange range = new CompactRange();
        for (long i = 0; i < size; i++) {
            Map<String, Object> entry = entry(i);
            byte[] leaf = AuditLeaf.hash(entry::get);
            range.append(leaf);
            lines.write("{\"leafIndex\":" + i + ",\"leafHash\":\"" + Hex.of(leaf) + "\"");
            if (i >= purgedBefore) {
                lines.write(",\"entry\":" + json(entry));
            }
            lines.write("}\n");
        }
        lines.flush();
        return SignedTreeHead.sign(size, range.root(), Instant.parse("2026-11-23T10:00:00Z"), key);
    }

    private static String json(Map<String, Object> entry) {
        StringBuilder json = new StringBuilder("{");
        entry.forEach((k, v) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(k).append("\":");
            if (v == null) {
                json.append("null");
            } else if (v instanceof List<?> list) {
                json.append('[');
                for (int i = 0; i < list.size(); i++) {
                    json.append(i == 0 ? "" : ",").append('"').append(list.get(i)).append('"');
                }
                json.append(']');
            } else if (v instanceof Long) {
                json.append(v);
            } else {
                json.append('"').append(v).append('"');
            }
        });
        return json.append('}').toString();
    }
}
