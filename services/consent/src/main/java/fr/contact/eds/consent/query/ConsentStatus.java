package fr.contact.eds.consent.query;

import java.util.List;
import java.util.Optional;

/** A patient's opposition status and every decision that led to it, oldest first. */
public record ConsentStatus(String patientPseudonym, List<DecisionRecord> history) {

    public ConsentStatus {
        history = List.copyOf(history);
    }

    public Optional<DecisionRecord> inForce() {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    public boolean opposed() {
        return inForce().map(d -> d.kind() == DecisionRecord.Kind.OPPOSITION).orElse(false);
    }
}
