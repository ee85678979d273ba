package fr.contact.eds.consent.api;

import java.time.Instant;
import java.util.List;

/** The patient withdraws their opposition from {@code effectiveAt} on: data arriving afterwards may be reused. */
public record OppositionWithdrawnEvent(
        String patientPseudonym,
        List<String> pseudonyms,
        String decisionId,
        String reference,
        Instant effectiveAt,
        DecisionOrigin origin) {

    public OppositionWithdrawnEvent {
        pseudonyms = List.copyOf(pseudonyms);
    }
}
