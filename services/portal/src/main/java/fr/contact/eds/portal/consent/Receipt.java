package fr.contact.eds.portal.consent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A decision's receipt from consent: its reference (to quote in any letter), when it took effect, what it now is
 * ({@code opposed}, {@code not-opposed}, {@code opposed-to-project}, {@code not-opposed-to-project}, {@code erased},
 * {@code erasure-requested}), and whether it only repeated the decision in force. No decision id means nothing changed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Receipt(String reference, String decisionId, String status, Instant effectiveAt, boolean repeated) {

    public boolean changedNothing() {
        return decisionId == null;
    }
}
