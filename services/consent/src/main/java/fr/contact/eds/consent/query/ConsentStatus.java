package fr.contact.eds.consent.query;

import java.util.List;
import java.util.Optional;

/** A patient's opposition status and every decision that led to it, oldest first. */
public record ConsentStatus(String patientPseudonym, List<DecisionRecord> history) {

    public ConsentStatus {
        history = List.copyOf(history);
    }

    /** The latest opposition or withdrawal. */
    public Optional<DecisionRecord> inForce() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).kind() != DecisionRecord.Kind.ERASURE) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    public boolean opposed() {
        return inForce().map(d -> d.kind() == DecisionRecord.Kind.OPPOSITION).orElse(false);
    }
}
