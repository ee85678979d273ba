package fr.contact.eds.consent.api;

import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;
import java.util.List;

/**
 * The patient objects to any reuse of their data from {@code effectiveAt} on. {@code pseudonyms} lists every
 * pseudonym their data may be stored under (qualified INS and traits, every key version), so that each service
 * can match whichever one it holds. Registered again with the same {@code decisionId} when the same patient
 * turns out to be known under more pseudonyms.
 */
public record OppositionRegisteredEvent(
        PatientPseudonym patientPseudonym,
        List<PatientPseudonym> pseudonyms,
        String decisionId,
        String reference,
        Instant effectiveAt,
        DecisionOrigin origin) {

    public OppositionRegisteredEvent {
        pseudonyms = PatientPseudonym.known(pseudonyms);
    }
}
