package fr.contact.eds.portal.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.contact.eds.portal.web.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as the public register shows it. Read tolerantly: the catalog may add fields without breaking the
 * portal, and a field it leaves out reads as absent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisterEntry(String projectId, String title, String laySummary, String organisation,
        List<String> recipients, String purpose, String legalFramework, List<String> datasets, List<String> variables,
        LocalDate dataFrom, LocalDate dataTo,
        LocalDate projectEnd, String state, Instant decidedAt, Instant activatedAt, LocalDate permitValidUntil,
        Instant closedAt, String publicationPlan, String resultsSummary) {

    public RegisterEntry {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
        variables = variables == null ? List.of() : List.copyOf(variables);
    }

    /** What the register shows first: the plain-words summary, or the purpose for a project drafted without one. */
    public String summary() {
        return laySummary == null || laySummary.isBlank() ? purpose : laySummary;
    }

    /** The year the CSE decided, the register's "year" filter, in the time zone its date is shown in. */
    public Integer decisionYear() {
        return decidedAt == null ? null : decidedAt.atZone(Dates.FRANCE).getYear();
    }
}
