package fr.contact.eds.catalog.api;

import java.time.LocalDate;
import java.util.List;

/**
 * What approval allows: these users, these datasets and variables, care data from {@code dataFrom} to {@code dataTo},
 * until {@code validUntil} (or the project's closing, whichever comes first).
 */
public record Permit(String permitId, List<String> users, List<String> datasets, List<String> variables,
        LocalDate dataFrom, LocalDate dataTo, LocalDate validUntil, boolean shiftDates) {

    public Permit {
        users = List.copyOf(users);
        datasets = List.copyOf(datasets);
        variables = List.copyOf(variables);
    }
}
