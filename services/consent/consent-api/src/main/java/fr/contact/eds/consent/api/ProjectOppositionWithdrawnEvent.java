package fr.contact.eds.consent.api;

import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;
import java.util.List;

/**
 * The patient withdraws their objection to one research project, from
 * {@code effectiveAt} on. {@code pseudonyms}: every pseudonym their data may be under.
 */
public record ProjectOppositionWithdrawnEvent(
        PatientPseudonym patientPseudonym,
        List<PatientPseudonym> pseudonyms,
        String projectId,
        String decisionId,
        String reference,
        Instant effectiveAt,
        DecisionOrigin origin) {

    public ProjectOppositionWithdrawnEvent {
        pseudonyms = PatientPseudonym.known(pseudonyms);
    }
}
