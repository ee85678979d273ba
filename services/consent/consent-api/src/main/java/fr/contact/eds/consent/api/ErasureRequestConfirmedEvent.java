package fr.contact.eds.consent.api;

import java.time.Instant;

/** The DPO office erased the data a request asked to erase: {@code erasureReference} is that erasure's. */
public record ErasureRequestConfirmedEvent(
        String patientPseudonym,
        String reference,
        String erasureReference,
        Instant confirmedAt,
        DecisionOrigin origin) {}
