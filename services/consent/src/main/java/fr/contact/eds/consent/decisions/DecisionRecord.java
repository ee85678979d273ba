package fr.contact.eds.consent.decisions;

import fr.contact.eds.consent.api.DecisionOrigin;
import java.time.Instant;

/** One decision in a patient's consent history; {@code projectId} for a decision about one research project. */
public record DecisionRecord(String decisionId, String reference, Kind kind, Instant effectiveAt,
        DecisionOrigin origin, String projectId) {

    public enum Kind {
        OPPOSITION, WITHDRAWAL, ERASURE, PROJECT_OPPOSITION, PROJECT_WITHDRAWAL, ERASURE_REQUEST, ERASURE_REQUEST_REFUSED
    }

    public boolean aboutAllReuse() {
        return kind == Kind.OPPOSITION || kind == Kind.WITHDRAWAL;
    }
}
