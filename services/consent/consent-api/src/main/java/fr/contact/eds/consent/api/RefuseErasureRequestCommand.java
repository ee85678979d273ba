package fr.contact.eds.consent.api;

import fr.contact.eds.platform.api.AccessRecordedEvent;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a pending erasure request without erasing, with the reason the requester is told. */
public record RefuseErasureRequestCommand(
        @TargetAggregateIdentifier String patientPseudonym,
        String reference,
        String reason,
        Instant refusedAt,
        DecisionOrigin origin,
        AccessRecordedEvent access) {}
