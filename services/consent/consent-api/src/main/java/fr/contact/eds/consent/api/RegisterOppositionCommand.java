package fr.contact.eds.consent.api;

import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register the patient's opposition. Repeating it is not an error: the decision in force is returned and nothing
 * new is decided. {@code access} records who acted, in the same commit.
 */
public record RegisterOppositionCommand(
        @TargetAggregateIdentifier PatientPseudonym patientPseudonym,
        List<PatientPseudonym> pseudonyms,
        String decisionId,
        String reference,
        Instant effectiveAt,
        DecisionOrigin origin,
        AccessRecordedEvent access) {

    public RegisterOppositionCommand {
        pseudonyms = PatientPseudonym.known(pseudonyms);
    }
}
