package fr.contact.eds.portal.statistics;

import fr.contact.eds.portal.web.BadParameter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The period the statistics cover: the last twelve whole months unless the visitor chooses dates. */
public record StatisticsPeriod(LocalDate from, LocalDate to) {

    public static StatisticsPeriod of(String from, String to, LocalDate today) {
        LocalDate end = date("to", to, today.withDayOfMonth(1));
        LocalDate start = date("from", from, end.minusMonths(12));
        if (!start.isBefore(end)) {
            throw new BadParameter("from", from);
        }
        return new StatisticsPeriod(start, end);
    }

    private static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, value);
        }
    }
}
