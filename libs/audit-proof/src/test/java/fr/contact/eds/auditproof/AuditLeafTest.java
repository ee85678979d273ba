package fr.contact.eds.auditproof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditLeafTest {

    @Test
    void encodesEveryFieldInItsFixedOrderAsCompactJson() {
        Map<String, Object> entry = Map.of("accessId", "a-1", "occurredAt", "2026-11-23T10:00:00.123Z",
                "service", "episodes", "actorSubject", "r\"1\\", "actorRole", "researcher", "purpose", "line\nbreak",
                "action", "READ", "resourceKind", "Episode", "patientPseudonyms", List.of("p-1", "p-2"), "outcome",
                "SUCCESS");
        String encoded = new String(AuditLeaf.encode(entry::get), StandardCharsets.UTF_8);
        assertThat(encoded).isEqualTo("{\"accessId\":\"a-1\",\"occurredAt\":\"2026-11-23T10:00:00.123Z\","
                + "\"service\":\"episodes\",\"actorSubject\":\"r\\\"1\\\\\",\"actorRole\":\"researcher\","
                + "\"organisation\":null,\"purpose\":\"line\\u000abreak\",\"action\":\"READ\","
                + "\"resourceKind\":\"Episode\",\"patientPseudonyms\":[\"p-1\",\"p-2\"],\"outcome\":\"SUCCESS\","
                + "\"traceId\":null}");
    }

    @Test
    void appendsOnlyTheOriginFieldsAnEntryHasSoOlderLeavesKeepTheirBytes() {
        Map<String, Object> before = Map.of("accessId", "a-1");
        Map<String, Object> after = Map.of("accessId", "a-1", "clientAddress", "10.0.0.7", "request",
                "GET /episodes?patient=p-1");
        String old = new String(AuditLeaf.encode(before::get), StandardCharsets.UTF_8);
        String encoded = new String(AuditLeaf.encode(after::get), StandardCharsets.UTF_8);
        assertThat(old).endsWith("\"traceId\":null}");
        assertThat(encoded).isEqualTo(old.substring(0, old.length() - 1)
                + ",\"clientAddress\":\"10.0.0.7\",\"request\":\"GET /episodes?patient=p-1\"}");
    }

    @Test
    void hashesAsAnRfc6962Leaf() {
        Map<String, Object> entry = Map.of("accessId", "a-1");
        assertThat(AuditLeaf.hash(entry::get)).isEqualTo(MerkleHashes.leafHash(AuditLeaf.encode(entry::get)));
    }
}
