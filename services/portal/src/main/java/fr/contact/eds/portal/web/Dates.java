package fr.contact.eds.portal.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and counts as people read them, in the page's language: "12 mars 2026", "12 March 2026", "12 347". */
@TemplateExtension
public class Dates {

    /** The time zone the portal's dates are read in (overseas associations' visitors read Paris time too). */
    public static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private Dates() {}

    static String day(LocalDate date, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(localeOf(locale)).format(date);
    }

    static String day(Instant instant, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return day(instant.atZone(FRANCE).toLocalDate(), locale);
    }

    /** An instant to the minute, French time: "12 mars 2026, 14:05". */
    static String moment(Instant instant, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(localeOf(locale))
                .format(instant.atZone(FRANCE));
    }

    static String number(Long count, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return String.format(localeOf(locale), "%,d", count);
    }

    private static Locale localeOf(Object locale) {
        if (locale instanceof Locale l) {
            return l;
        }
        return locale == null ? Languages.FRENCH : Locale.forLanguageTag(locale.toString());
    }
}
