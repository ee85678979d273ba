package fr.contact.eds.audit.trail;

import fr.contact.eds.auditproof.AuditLeaf;
import fr.contact.eds.platform.api.AccessOrigin;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * One entry of the trail, at its place ({@code leafIndex}) in the Merkle tree. Times keep milliseconds, as MongoDB
 * does, so the stored entry hashes as it did when appended.
 */
public record AuditEntry(long leafIndex, String accessId, Instant occurredAt, String service, String actorSubject,
        String actorRole, String organisation, String purpose, String action, String resourceKind,
        List<String> patientPseudonyms, String outcome, String traceId, String client, String clientAddress,
        String serverAddress, String request) {

    /**
     * Total over what an access record allows: every one is kept, as it came. One without accessId (which the
     * platform never sends) is named after its place, so that the unique index cannot refuse the next such one.
     */
    static AuditEntry of(long leafIndex, AccessRecordedEvent event) {
        AccessOrigin origin = event.origin();
        return new AuditEntry(leafIndex, event.accessId() != null ? event.accessId() : "unidentified-" + leafIndex,
                event.occurredAt() == null ? null : event.occurredAt().truncatedTo(ChronoUnit.MILLIS),
                event.service(), event.actorSubject(), event.actorRole(), event.organisation(), event.purpose(),
                event.action() == null ? null : event.action().name(), event.resourceKind(),
                event.patientPseudonyms() == null ? List.of() : event.patientPseudonyms(),
                event.outcome() == null ? null : event.outcome().name(), event.traceId(),
                origin == null ? null : origin.client(), origin == null ? null : origin.clientAddress(),
                origin == null ? null : origin.serverAddress(), origin == null ? null : origin.request());
    }

    static AuditEntry from(Document document) {
        return new AuditEntry(((Number) document.get("_id")).longValue(), document.getString("accessId"),
                document.getDate("occurredAt") == null ? null : document.getDate("occurredAt").toInstant(),
                document.getString("service"),
                document.getString("actorSubject"), document.getString("actorRole"),
                document.getString("organisation"), document.getString("purpose"), document.getString("action"),
                document.getString("resourceKind"), document.getList("patientPseudonyms", String.class, List.of()),
                document.getString("outcome"), document.getString("traceId"), document.getString("client"),
                document.getString("clientAddress"), document.getString("serverAddress"),
                document.getString("request"));
    }

    Document toDocument() {
        return new Document("_id", leafIndex).append("accessId", accessId)
                .append("occurredAt", occurredAt == null ? null : Date.from(occurredAt))
                .append("service", service).append("actorSubject", actorSubject).append("actorRole", actorRole)
                .append("organisation", organisation).append("purpose", purpose).append("action", action)
                .append("resourceKind", resourceKind).append("patientPseudonyms", patientPseudonyms)
                .append("outcome", outcome).append("traceId", traceId).append("client", client)
                .append("clientAddress", clientAddress).append("serverAddress", serverAddress)
                .append("request", request);
    }

    /** The leaf this entry is in the tree: its fields as {@link AuditLeaf} encodes them. */
    public byte[] leafHash() {
        return AuditLeaf.hash(this::field);
    }

    private Object field(String name) {
        return switch (name) {
            case "accessId" -> accessId;
            case "occurredAt" -> occurredAt == null ? null : occurredAt.toString();
            case "service" -> service;
            case "actorSubject" -> actorSubject;
            case "actorRole" -> actorRole;
            case "organisation" -> organisation;
            case "purpose" -> purpose;
            case "action" -> action;
            case "resourceKind" -> resourceKind;
            case "patientPseudonyms" -> patientPseudonyms;
            case "outcome" -> outcome;
            case "traceId" -> traceId;
            case "client" -> client;
            case "clientAddress" -> clientAddress;
            case "serverAddress" -> serverAddress;
            case "request" -> request;
            default -> throw new IllegalArgumentException("No entry field " + name);
        };
    }
}
