package fr.contact.eds.consent.decisions;

import fr.contact.eds.consent.api.ErasureRequestRefusedEvent;
import fr.contact.eds.consent.api.ErasureRequestedEvent;
import fr.contact.eds.consent.api.OppositionRegisteredEvent;
import fr.contact.eds.consent.api.OppositionWithdrawnEvent;
import fr.contact.eds.consent.api.PatientDataErasedEvent;
import fr.contact.eds.consent.api.ProjectOppositionRegisteredEvent;
import fr.contact.eds.consent.api.ProjectOppositionWithdrawnEvent;
import fr.contact.eds.platform.access.Access;
import fr.contact.eds.platform.access.AccessRecorder;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.security.Actor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;

/**
 * A patient's decisions, read from their own event stream rather than a projection: a status read right after a
 * decision always shows it.
 */
@Singleton
public class ConsentHistory {

    private final EventStore eventStore;
    private final AccessRecorder accessRecorder;

    @Inject
    public ConsentHistory(EventStore eventStore, AccessRecorder accessRecorder) {
        this.eventStore = eventStore;
        this.accessRecorder = accessRecorder;
    }

    /** The patient's status, recorded as an access of {@code actor} before it is handed back. */
    public ConsentStatus revealTo(Actor actor, String role, PatientPseudonym patientPseudonym) {
        return accessRecorder.reveal(actor, new Access(role, "consent status", AccessAction.READ, "Consent"),
                () -> of(patientPseudonym), status -> List.of(status.patientPseudonym().value()));
    }

    ConsentStatus of(PatientPseudonym patientPseudonym) {
        List<DecisionRecord> history = new ArrayList<>();
        eventStore.readEvents(patientPseudonym.value()).asStream().map(Message::getPayload).forEach(payload -> {
            if (payload instanceof OppositionRegisteredEvent e && !restates(history, e.decisionId())) {
                history.add(new DecisionRecord(e.decisionId(), e.reference(), DecisionRecord.Kind.OPPOSITION,
                        e.effectiveAt(), e.origin(), null));
            } else if (payload instanceof OppositionWithdrawnEvent e) {
                history.add(new DecisionRecord(e.decisionId(), e.reference(), DecisionRecord.Kind.WITHDRAWAL,
                        e.effectiveAt(), e.origin(), null));
            } else if (payload instanceof PatientDataErasedEvent e) {
                history.add(new DecisionRecord(e.reference(), e.reference(), DecisionRecord.Kind.ERASURE,
                        e.erasedAt(), e.origin(), null));
            } else if (payload instanceof ErasureRequestedEvent e) {
                history.add(new DecisionRecord(e.requestId(), e.reference(), DecisionRecord.Kind.ERASURE_REQUEST,
                        e.requestedAt(), e.origin(), null));
            } else if (payload instanceof ErasureRequestRefusedEvent e) {
                history.add(new DecisionRecord(e.reference(), e.reference(),
                        DecisionRecord.Kind.ERASURE_REQUEST_REFUSED, e.refusedAt(), e.origin(), null));
            } else if (payload instanceof ProjectOppositionRegisteredEvent e) {
                history.add(new DecisionRecord(e.decisionId(), e.reference(), DecisionRecord.Kind.PROJECT_OPPOSITION,
                        e.effectiveAt(), e.origin(), e.projectId()));
            } else if (payload instanceof ProjectOppositionWithdrawnEvent e) {
                history.add(new DecisionRecord(e.decisionId(), e.reference(), DecisionRecord.Kind.PROJECT_WITHDRAWAL,
                        e.effectiveAt(), e.origin(), e.projectId()));
            }
        });
        return new ConsentStatus(patientPseudonym, history);
    }

    private static boolean restates(List<DecisionRecord> history, String decisionId) {
        return history.stream().anyMatch(d -> d.decisionId().equals(decisionId));
    }
}
