package fr.contact.eds.consent.api;

import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the erasure of a patient's personal data (GDPR art. 17): {@code subjectKeyIds} are the keys already
 * destroyed, so that every service forgets its copies of them. {@code requestReference} names the pending erasure
 * request this erasure carries out, when there is one (a parent's request, confirmed by the DPO office).
 */
public record EraseDataCommand(
        @TargetAggregateIdentifier PatientPseudonym patientPseudonym,
        String reference,
        Instant erasedAt,
        DecisionOrigin origin,
        List<String> subjectKeyIds,
        String requestReference,
        AccessRecordedEvent access) {

    public EraseDataCommand {
        subjectKeyIds = List.copyOf(subjectKeyIds);
    }
}
