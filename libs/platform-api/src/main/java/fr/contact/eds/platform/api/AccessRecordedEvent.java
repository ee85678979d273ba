package fr.contact.eds.platform.api;

import java.time.Instant;
import java.util.List;

/**
 * One access to patient data, appended in the same unit of work as the access itself. Names patients
 * by pseudonym only; {@code organisation} is the caller's association or research project. {@code origin} was
 * added later (field added, nothing renamed): events stored before it read with a null origin.
 */
public record AccessRecordedEvent(
        String accessId,
        Instant occurredAt,
        String service,
        String actorSubject,
        String actorRole,
        String organisation,
        String purpose,
        AccessAction action,
        String resourceKind,
        List<String> patientPseudonyms,
        AccessOutcome outcome,
        String traceId,
        AccessOrigin origin) {

    public AccessRecordedEvent {
        patientPseudonyms = List.copyOf(patientPseudonyms);
    }

    /** An access with no request behind it (a background job acting for a requester it names). */
    public AccessRecordedEvent(String accessId, Instant occurredAt, String service, String actorSubject,
            String actorRole, String organisation, String purpose, AccessAction action, String resourceKind,
            List<String> patientPseudonyms, AccessOutcome outcome, String traceId) {
        this(accessId, occurredAt, service, actorSubject, actorRole, organisation, purpose, action, resourceKind,
                patientPseudonyms, outcome, traceId, null);
    }
}
