package fr.contact.eds.consent.api;

import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;

/**
 * Erasure of the patient's personal data was asked for and waits for the DPO office, which erases it
 * ({@link ErasureRequestConfirmedEvent}) or refuses ({@link ErasureRequestRefusedEvent}); {@code origin} names who
 * asked ({@code guardianPseudonym} for a parent).
 */
public record ErasureRequestedEvent(
        PatientPseudonym patientPseudonym,
        String requestId,
        String reference,
        Instant requestedAt,
        DecisionOrigin origin) {}
