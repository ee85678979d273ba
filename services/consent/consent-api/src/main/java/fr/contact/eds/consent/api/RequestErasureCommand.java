package fr.contact.eds.consent.api;

import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask for a patient's personal data to be erased without erasing it yet: a parent online, for a minor child.
 * Erasure cannot be undone, so the DPO office carries it out once it holds proof of parental authority.
 */
public record RequestErasureCommand(
        @TargetAggregateIdentifier PatientPseudonym patientPseudonym,
        String requestId,
        String reference,
        Instant requestedAt,
        DecisionOrigin origin,
        AccessRecordedEvent access) {}
