package fr.contact.eds.portal.web;

import java.util.List;
import java.util.Locale;

/** The portal's languages: French first, English second. */
public final class Languages {

    public static final Locale FRENCH = Locale.FRENCH;
    private static final List<String> SUPPORTED = List.of("fr", "en");

    private Languages() {}

    public static boolean supported(String code) {
        return code != null && SUPPORTED.contains(code);
    }

    /** Whether an Accept-Language header can be read at all. */
    public static boolean readable(String acceptLanguage) {
        try {
            Locale.LanguageRange.parse(acceptLanguage);
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The first supported language of an Accept-Language header; French when none is, or the header is malformed. */
    public static Locale preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return FRENCH;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange range : ranges) {
                String language = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                if (supported(language) && range.getWeight() > 0) {
                    return Locale.forLanguageTag(language);
                }
            }
        } catch (IllegalArgumentException malformed) {
            return FRENCH;
        }
        return FRENCH;
    }
}
