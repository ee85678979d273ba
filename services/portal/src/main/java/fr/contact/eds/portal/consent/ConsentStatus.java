package fr.contact.eds.portal.consent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A patient's status (all reuse, per project) and the history of their decisions, newest last. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsentStatus(String status, Set<String> opposedProjects, List<Entry> history) {

    public ConsentStatus {
        opposedProjects = opposedProjects == null ? Set.of() : Set.copyOf(opposedProjects);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public boolean opposed() {
        return "opposed".equals(status);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String reference, String decision, Instant effectiveAt, String channel, boolean byGuardian,
            String letterReference, String projectId) {}
}
