package fr.contact.eds.consent.api;

import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw the patient's opposition; withdrawing when none is in force decides nothing. */
public record WithdrawOppositionCommand(
        @TargetAggregateIdentifier PatientPseudonym patientPseudonym,
        List<PatientPseudonym> pseudonyms,
        String decisionId,
        String reference,
        Instant effectiveAt,
        DecisionOrigin origin,
        AccessRecordedEvent access) {

    public WithdrawOppositionCommand {
        pseudonyms = PatientPseudonym.known(pseudonyms);
    }
}
