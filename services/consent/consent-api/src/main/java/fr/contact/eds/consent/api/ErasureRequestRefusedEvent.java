package fr.contact.eds.consent.api;

import java.time.Instant;

/** The DPO office refused an erasure request (no proof of parental authority came, say), and why. */
public record ErasureRequestRefusedEvent(
        String patientPseudonym,
        String reference,
        String reason,
        Instant refusedAt,
        DecisionOrigin origin) {}
