package fr.contact.eds.pseudonymisation;

import java.util.regex.Pattern;

/** INSEE commune codes and the départements they belong to: 01-95 (Corsica 2A/2B), overseas 971-976. */
public final class Territory {

    private static final Pattern COMMUNE = Pattern.compile("(\\d{5}|2[AB]\\d{3})");

    private Territory() {}

    static String requireCommuneCode(String code) {
        String upper = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!COMMUNE.matcher(upper).matches()) {
            throw new InvalidIdentityException("commune",
                    "Commune must be a 5-character INSEE code, e.g. 75056 or 2A004");
        }
        return upper;
    }

    /** The département of an INSEE commune code, e.g. 75056 → 75, 2A004 → 2A, 97411 → 974. */
    public static String departementOf(String communeInsee) {
        String code = requireCommuneCode(communeInsee);
        String departement = code.startsWith("97") ? code.substring(0, 3) : code.substring(0, 2);
        if (!isDepartement(departement)) {
            throw new InvalidIdentityException("commune", "Commune " + code + " is in no known département");
        }
        return departement;
    }

    /**
     * The département of a French postal code, when no INSEE code was sent: 75012 → 75, 97400 → 974;
     * Corsica's 200xx-201xx → 2A, 202xx-206xx → 2B.
     */
    public static String departementOfPostalCode(String postalCode) {
        String code = postalCode == null ? "" : postalCode.strip();
        if (!code.matches("\\d{5}")) {
            throw new InvalidIdentityException("postalCode", "Postal code must be 5 digits");
        }
        String departement;
        if (code.startsWith("97")) {
            departement = code.substring(0, 3);
        } else if (code.startsWith("20")) {
            departement = code.charAt(2) <= '1' ? "2A" : "2B";
        } else {
            departement = code.substring(0, 2);
        }
        if (!isDepartement(departement)) {
            throw new InvalidIdentityException("postalCode", "Postal code " + code + " is in no known département");
        }
        return departement;
    }

    public static boolean isDepartement(String code) {
        if (code.equals("2A") || code.equals("2B")) {
            return true;
        }
        if (code.length() == 3) {
            return code.compareTo("971") >= 0 && code.compareTo("976") <= 0;
        }
        return code.matches("\\d{2}") && !code.equals("00") && !code.equals("20") && code.compareTo("95") <= 0;
    }
}
