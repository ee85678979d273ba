package fr.contact.eds.consent.api;

import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw the patient's opposition to one research project; withdrawing none is not an error. */
public record WithdrawProjectOppositionCommand(
        @TargetAggregateIdentifier PatientPseudonym patientPseudonym,
        List<PatientPseudonym> pseudonyms,
        String projectId,
        String decisionId,
        String reference,
        Instant effectiveAt,
        DecisionOrigin origin,
        AccessRecordedEvent access) {

    public WithdrawProjectOppositionCommand {
        pseudonyms = PatientPseudonym.known(pseudonyms);
    }
}
