package fr.contact.eds.consent.api;

import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;

/** The DPO office erased the data a request asked to erase: {@code erasureReference} is that erasure's. */
public record ErasureRequestConfirmedEvent(
        PatientPseudonym patientPseudonym,
        String reference,
        String erasureReference,
        Instant confirmedAt,
        DecisionOrigin origin) {}
