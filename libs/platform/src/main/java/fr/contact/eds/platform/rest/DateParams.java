package fr.contact.eds.platform.rest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Dates and instants in query parameters, parsed once for every service: a value that is not a date, or lies outside
 * 1900-2200 (where no care data can be, and where date arithmetic overflows), is a 400 naming the parameter, never a
 * server error.
 */
public final class DateParams {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    private DateParams() {}

    /** A date (its first instant, UTC) or an instant; {@code null} when absent. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        Instant parsed;
        try {
            parsed = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest(field, field
                    + " must be a date (2026-01-15) or an ISO-8601 instant (2026-01-15T00:00:00Z)");
        }
        LocalDate day = LocalDate.ofInstant(parsed, ZoneOffset.UTC);
        requireInRange(field, day);
        return parsed;
    }

    /** A date as yyyy-mm-dd; {@code otherwise} when absent. */
    public static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest(field, field + " must be a date, yyyy-mm-dd");
        }
        requireInRange(field, parsed);
        return parsed;
    }

    private static void requireInRange(String field, LocalDate day) {
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw ProblemException.badRequest(field, field + " must lie between " + EARLIEST + " and " + LATEST);
        }
    }
}
