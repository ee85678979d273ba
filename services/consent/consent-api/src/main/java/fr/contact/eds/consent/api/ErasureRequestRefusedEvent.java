package fr.contact.eds.consent.api;

import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;

/** The DPO office refused an erasure request (no proof of parental authority came, say), and why. */
public record ErasureRequestRefusedEvent(
        PatientPseudonym patientPseudonym,
        String reference,
        String reason,
        Instant refusedAt,
        DecisionOrigin origin) {}
