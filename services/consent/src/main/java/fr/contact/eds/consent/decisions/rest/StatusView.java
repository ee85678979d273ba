package fr.contact.eds.consent.decisions.rest;

import fr.contact.eds.consent.decisions.ConsentStatus;
import fr.contact.eds.consent.decisions.DecisionRecord;
import java.time.Instant;
import java.util.List;

/** A patient's status and history as JSON: pseudonyms of guardians are not shown, only that one acted. */
public record StatusView(String status, java.util.Set<String> opposedProjects, List<Entry> history) {

    public record Entry(String reference, String decision, Instant effectiveAt, String channel, String registeredBy,
            boolean byGuardian, String letterReference, String projectId) {}

    static StatusView of(ConsentStatus status) {
        return new StatusView(status.opposed() ? "opposed" : "not-opposed", status.opposedProjects(),
                status.history().stream().map(StatusView::entry).toList());
    }

    private static Entry entry(DecisionRecord d) {
        return new Entry(d.reference(), d.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                d.effectiveAt(), d.origin().channel().name().toLowerCase(java.util.Locale.ROOT),
                d.origin().registeredByRole(), d.origin().guardianPseudonym() != null, d.origin().letterReference(),
                d.projectId());
    }
}
