package fr.contact.eds.portal.register;

import fr.contact.eds.portal.web.BadParameter;

/**
 * What a visitor searches the register for: words in the title, organisation or purpose, a status, the year of the
 * CSE's decision, a theme (a dataset the project uses). Every part is optional; a malformed one is refused by name.
 */
public record RegisterQuery(String text, String status, Integer year, String theme) {

    public static RegisterQuery of(String text, String status, String year, String theme) {
        return new RegisterQuery(blankToNull(text), blankToNull(status), year(year), blankToNull(theme));
    }

    private static Integer year(String year) {
        String y = blankToNull(year);
        if (y == null) {
            return null;
        }
        if (!y.matches("\\d{4}")) {
            throw new BadParameter("year", y);
        }
        return Integer.valueOf(y);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
