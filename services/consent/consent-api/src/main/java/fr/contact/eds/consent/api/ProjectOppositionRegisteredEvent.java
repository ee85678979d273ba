package fr.contact.eds.consent.api;

import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;
import java.util.List;

/**
 * The patient objects to the reuse of their data by one research project (from the transparency portal's list) from
 * {@code effectiveAt} on; other uses are unaffected. {@code pseudonyms}: every pseudonym their data may be under.
 */
public record ProjectOppositionRegisteredEvent(
        PatientPseudonym patientPseudonym,
        List<PatientPseudonym> pseudonyms,
        String projectId,
        String decisionId,
        String reference,
        Instant effectiveAt,
        DecisionOrigin origin) {

    public ProjectOppositionRegisteredEvent {
        pseudonyms = PatientPseudonym.known(pseudonyms);
    }
}
