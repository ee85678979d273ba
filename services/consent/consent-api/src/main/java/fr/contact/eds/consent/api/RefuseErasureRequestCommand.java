package fr.contact.eds.consent.api;

import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a pending erasure request without erasing, with the reason the requester is told. */
public record RefuseErasureRequestCommand(
        @TargetAggregateIdentifier PatientPseudonym patientPseudonym,
        String reference,
        String reason,
        Instant refusedAt,
        DecisionOrigin origin,
        AccessRecordedEvent access) {}
