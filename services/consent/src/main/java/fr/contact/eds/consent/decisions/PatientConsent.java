package fr.contact.eds.consent.decisions;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.contact.eds.consent.api.DecisionOrigin;
import fr.contact.eds.consent.api.EraseDataCommand;
import fr.contact.eds.consent.api.ErasureRequestConfirmedEvent;
import fr.contact.eds.consent.api.ErasureRequestRefusedEvent;
import fr.contact.eds.consent.api.ErasureRequestedEvent;
import fr.contact.eds.consent.api.OppositionRegisteredEvent;
import fr.contact.eds.consent.api.OppositionWithdrawnEvent;
import fr.contact.eds.consent.api.PatientDataErasedEvent;
import fr.contact.eds.consent.api.ProjectOppositionRegisteredEvent;
import fr.contact.eds.consent.api.ProjectOppositionWithdrawnEvent;
import fr.contact.eds.consent.api.RefuseErasureRequestCommand;
import fr.contact.eds.consent.api.RegisterOppositionCommand;
import fr.contact.eds.consent.api.RegisterProjectOppositionCommand;
import fr.contact.eds.consent.api.RequestErasureCommand;
import fr.contact.eds.consent.api.WithdrawOppositionCommand;
import fr.contact.eds.consent.api.WithdrawProjectOppositionCommand;
import fr.contact.eds.consent.erasure.NoPendingErasureException;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.api.PersonalDataErasedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One patient's opposition to the reuse of their data, over time. Idempotent: opposing while opposed, or
 * withdrawing while not, decides nothing new and answers with the decision in force; every request is still
 * recorded as an access, in the same commit as what it decided.
 */
public class PatientConsent {

    @AggregateIdentifier
    private PatientPseudonym patientPseudonym;
    private boolean opposed;
    private String decisionId;
    private String reference;
    private Instant effectiveAt;
    private DecisionOrigin origin;
    private final Set<PatientPseudonym> pseudonyms = new LinkedHashSet<>();
    private final java.util.Map<String, ProjectDecision> projectOppositions = new java.util.HashMap<>();
    private String erasureReference;
    private Instant erasedAt;
    private ErasureRequest pendingErasure;

    protected PatientConsent() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decision handle(RegisterOppositionCommand command) {
        requireAccess(command.access());
        if (!opposed) {
            apply(new OppositionRegisteredEvent(command.patientPseudonym(), union(command.pseudonyms()),
                    command.decisionId(), command.reference(), command.effectiveAt(), command.origin()));
            apply(command.access());
            return inForce(false);
        }
        if (!pseudonyms.containsAll(command.pseudonyms())) {
            // The same decision, now known to cover more pseudonyms (a new key version, or traits as well as INS).
            apply(new OppositionRegisteredEvent(patientPseudonym, union(command.pseudonyms()), decisionId, reference,
                    effectiveAt, origin));
        }
        apply(command.access());
        return inForce(true);
    }

    @CommandHandler
    public Decision handle(WithdrawOppositionCommand command) {
        requireAccess(command.access());
        if (!opposed) {
            apply(command.access());
            return inForce(true);
        }
        apply(new OppositionWithdrawnEvent(patientPseudonym, union(command.pseudonyms()), command.decisionId(),
                command.reference(), command.effectiveAt(), command.origin()));
        apply(command.access());
        return inForce(false);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decision handle(RegisterProjectOppositionCommand command) {
        requireAccess(command.access());
        ProjectDecision inForce = projectOppositions.get(command.projectId());
        if (inForce == null) {
            apply(new ProjectOppositionRegisteredEvent(command.patientPseudonym(), union(command.pseudonyms()),
                    command.projectId(), command.decisionId(), command.reference(), command.effectiveAt(),
                    command.origin()));
            apply(command.access());
            return new Decision(command.decisionId(), command.reference(), command.effectiveAt(), true, false);
        }
        apply(command.access());
        return new Decision(inForce.decisionId(), inForce.reference(), inForce.effectiveAt(), true, true);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decision handle(WithdrawProjectOppositionCommand command) {
        requireAccess(command.access());
        if (!projectOppositions.containsKey(command.projectId())) {
            apply(command.access());
            return new Decision(null, null, null, false, true);
        }
        apply(new ProjectOppositionWithdrawnEvent(command.patientPseudonym(), union(command.pseudonyms()),
                command.projectId(), command.decisionId(), command.reference(), command.effectiveAt(),
                command.origin()));
        apply(command.access());
        return new Decision(command.decisionId(), command.reference(), command.effectiveAt(), false, false);
    }

    /**
     * Erasure is recorded each time keys were destroyed; asking again when nothing was left to destroy decides
     * nothing new.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decision handle(EraseDataCommand command) {
        requireAccess(command.access());
        if (command.requestReference() != null) {
            requirePending(command.requestReference());
        }
        Decision decision;
        if (command.subjectKeyIds().isEmpty() && erasureReference != null) {
            decision = new Decision(erasureReference, erasureReference, erasedAt, opposed, true);
        } else {
            apply(new PatientDataErasedEvent(command.patientPseudonym(), command.reference(), command.erasedAt(),
                    command.origin(), command.subjectKeyIds().size()));
            apply(new PersonalDataErasedEvent(command.subjectKeyIds(), command.erasedAt()));
            decision = new Decision(command.reference(), command.reference(), command.erasedAt(), opposed, false);
        }
        if (command.requestReference() != null) {
            apply(new ErasureRequestConfirmedEvent(patientPseudonym, command.requestReference(),
                    decision.reference(), command.erasedAt(), command.origin()));
        }
        apply(command.access());
        return decision;
    }

    /** One request at a time: asking again while one waits answers with the one waiting. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decision handle(RequestErasureCommand command) {
        requireAccess(command.access());
        if (pendingErasure == null) {
            apply(new ErasureRequestedEvent(command.patientPseudonym(), command.requestId(), command.reference(),
                    command.requestedAt(), command.origin()));
            apply(command.access());
            return new Decision(command.requestId(), command.reference(), command.requestedAt(), opposed, false);
        }
        apply(command.access());
        return new Decision(pendingErasure.requestId(), pendingErasure.reference(), pendingErasure.requestedAt(),
                opposed, true);
    }

    @CommandHandler
    public Decision handle(RefuseErasureRequestCommand command) {
        requireAccess(command.access());
        requirePending(command.reference());
        if (command.reason() == null || command.reason().isBlank()) {
            throw new IllegalArgumentException("A refusal must say why");
        }
        apply(new ErasureRequestRefusedEvent(patientPseudonym, command.reference(), command.reason(),
                command.refusedAt(), command.origin()));
        apply(command.access());
        return new Decision(command.reference(), command.reference(), command.refusedAt(), opposed, false);
    }

    private void requirePending(String reference) {
        if (pendingErasure == null || !pendingErasure.reference().equals(reference)) {
            throw new NoPendingErasureException(reference);
        }
    }

    private static void requireAccess(AccessRecordedEvent access) {
        if (access == null) {
            throw new IllegalArgumentException("A consent decision must record who acted");
        }
    }

    private List<PatientPseudonym> union(List<PatientPseudonym> more) {
        Set<PatientPseudonym> all = new LinkedHashSet<>(pseudonyms);
        all.addAll(more);
        return new ArrayList<>(all);
    }

    private Decision inForce(boolean repeated) {
        return new Decision(decisionId, reference, effectiveAt, opposed, repeated);
    }

    @EventSourcingHandler
    void on(OppositionRegisteredEvent event) {
        patientPseudonym = event.patientPseudonym();
        opposed = true;
        decisionId = event.decisionId();
        reference = event.reference();
        effectiveAt = event.effectiveAt();
        origin = event.origin();
        pseudonyms.addAll(event.pseudonyms());
    }

    @EventSourcingHandler
    void on(ProjectOppositionRegisteredEvent event) {
        patientPseudonym = event.patientPseudonym();
        projectOppositions.put(event.projectId(), new ProjectDecision(event.decisionId(),
                event.reference(), event.effectiveAt()));
        pseudonyms.addAll(event.pseudonyms());
    }

    @EventSourcingHandler
    void on(ProjectOppositionWithdrawnEvent event) {
        projectOppositions.remove(event.projectId());
        pseudonyms.addAll(event.pseudonyms());
    }

    /** The decision in force for one project. */
    private record ProjectDecision(String decisionId, String reference, Instant effectiveAt) {}

    @EventSourcingHandler
    void on(PatientDataErasedEvent event) {
        patientPseudonym = event.patientPseudonym();
        erasureReference = event.reference();
        erasedAt = event.erasedAt();
    }

    /** An erasure request waiting for the DPO office. */
    private record ErasureRequest(String requestId, String reference, Instant requestedAt) {}

    @EventSourcingHandler
    void on(ErasureRequestedEvent event) {
        patientPseudonym = event.patientPseudonym();
        pendingErasure = new ErasureRequest(event.requestId(), event.reference(), event.requestedAt());
    }

    @EventSourcingHandler
    void on(ErasureRequestConfirmedEvent event) {
        pendingErasure = null;
    }

    @EventSourcingHandler
    void on(ErasureRequestRefusedEvent event) {
        pendingErasure = null;
    }

    @EventSourcingHandler
    void on(OppositionWithdrawnEvent event) {
        opposed = false;
        decisionId = event.decisionId();
        reference = event.reference();
        effectiveAt = event.effectiveAt();
        origin = event.origin();
        pseudonyms.addAll(event.pseudonyms());
    }
}
