package fr.contact.eds.platform.api;

import java.time.Instant;
import java.util.List;

/**
 * One access to patient data, appended in the same unit of work as the access itself. Names patients
 * by pseudonym only; {@code organisation} is the caller's association or research project.
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
        String traceId) {

    public AccessRecordedEvent {
        patientPseudonyms = List.copyOf(patientPseudonyms);
    }
}
