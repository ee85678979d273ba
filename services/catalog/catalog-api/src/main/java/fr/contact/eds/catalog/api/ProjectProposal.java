package fr.contact.eds.catalog.api;

import java.time.LocalDate;
import java.util.List;

/**
 * What a research team asks for: the protocol summary the CSE reviews and the transparency portal shows, and the
 * data it needs: care data from {@code dataFrom} to {@code dataTo} (inclusive), for a project running until
 * {@code projectEnd}. {@code permitUsers} are the subjects who would hold the permit; {@code shiftDates} asks for dates
 * shifted per person in extracts. {@code laySummary} says in plain words what the project is for, and
 * {@code recipients} names the organisations that will receive the data: both are published on the register (a
 * proposal drafted before they existed has none: the register then shows the purpose).
 */
public record ProjectProposal(
        String title,
        String organisation,
        List<String> team,
        String purpose,
        String justification,
        List<String> datasets,
        List<String> variables,
        String legalFramework,
        LocalDate dataFrom,
        LocalDate dataTo,
        LocalDate projectEnd,
        String publicationPlan,
        List<String> permitUsers,
        boolean shiftDates,
        String laySummary,
        List<String> recipients) {

    public ProjectProposal {
        team = team == null ? List.of() : List.copyOf(team);
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
        variables = variables == null ? List.of() : List.copyOf(variables);
        permitUsers = permitUsers == null ? List.of() : List.copyOf(permitUsers);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
