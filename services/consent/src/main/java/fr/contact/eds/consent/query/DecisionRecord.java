package fr.contact.eds.consent.query;

import fr.contact.eds.consent.api.DecisionOrigin;
import java.time.Instant;

/** One decision in a patient's consent history. */
public record DecisionRecord(String decisionId, String reference, Kind kind, Instant effectiveAt,
        DecisionOrigin origin) {

    public enum Kind {
        OPPOSITION, WITHDRAWAL, ERASURE
    }
}
