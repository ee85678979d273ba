package fr.contact.eds.catalog.api;

import java.time.LocalDate;
import java.util.List;

/**
 * What a research team asks for: the protocol summary the CSE reviews and the transparency portal shows, and the
 * data it needs: care data from {@code dataFrom} to {@code dataTo} (inclusive), for a project running until
 * {@code projectEnd}. {@code permitUsers} are the subjects who would hold the permit; {@code shiftDates} asks for dates
 * shifted per person in extracts.
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
        boolean shiftDates) {

    public ProjectProposal {
        team = team == null ? List.of() : List.copyOf(team);
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
        variables = variables == null ? List.of() : List.copyOf(variables);
        permitUsers = permitUsers == null ? List.of() : List.copyOf(permitUsers);
    }
}
