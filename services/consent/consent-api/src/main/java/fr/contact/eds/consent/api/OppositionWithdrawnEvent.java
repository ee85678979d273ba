package fr.contact.eds.consent.api;

import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;
import java.util.List;

/** The patient withdraws their opposition from {@code effectiveAt} on: data arriving afterwards may be reused. */
public record OppositionWithdrawnEvent(
        PatientPseudonym patientPseudonym,
        List<PatientPseudonym> pseudonyms,
        String decisionId,
        String reference,
        Instant effectiveAt,
        DecisionOrigin origin) {

    public OppositionWithdrawnEvent {
        pseudonyms = PatientPseudonym.known(pseudonyms);
    }
}
