package fr.contact.eds.pseudonymisation;

import java.text.Normalizer;
import java.util.Locale;

/** Names as different software writes them (accents, case, hyphens, apostrophes) reduced to one form. */
final class Names {

    private Names() {}

    static String normalise(String name) {
        String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toUpperCase(Locale.ROOT)
                .replace("Œ", "OE").replace("Æ", "AE")
                .replaceAll("[^A-Z]+", " ")
                .strip();
    }
}
