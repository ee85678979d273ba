package fr.contact.eds.consent.decisions;

import fr.contact.eds.platform.api.PatientPseudonym;
import java.util.List;
import java.util.Optional;

/** A patient's opposition status and every decision that led to it, oldest first. */
public record ConsentStatus(PatientPseudonym patientPseudonym, List<DecisionRecord> history) {

    public ConsentStatus {
        history = List.copyOf(history);
    }

    /** The latest opposition or withdrawal. */
    public Optional<DecisionRecord> inForce() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).aboutAllReuse()) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    /** The projects the patient opposes now, each by its latest decision. */
    public java.util.Set<String> opposedProjects() {
        java.util.Set<String> projects = new java.util.LinkedHashSet<>();
        for (DecisionRecord d : history) {
            if (d.kind() == DecisionRecord.Kind.PROJECT_OPPOSITION) {
                projects.add(d.projectId());
            } else if (d.kind() == DecisionRecord.Kind.PROJECT_WITHDRAWAL) {
                projects.remove(d.projectId());
            }
        }
        return projects;
    }

    public boolean opposed() {
        return inForce().map(d -> d.kind() == DecisionRecord.Kind.OPPOSITION).orElse(false);
    }
}
