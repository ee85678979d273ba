package fr.contact.eds.pseudonymisation;

/**
 * The warehouse's name for a patient: "v{key version}.{HMAC of the identity}", the same in every service. Never shown
 * to a research project, which sees a {@link ProjectPseudonym} instead.
 */
public record PatientPseudonym(String value) {

    public PatientPseudonym {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A patient pseudonym has a value");
        }
    }

    /** A stored value read back: null when there is none (an episode whose patient was erased, say). */
    public static PatientPseudonym ofNullable(String value) {
        return value == null || value.isBlank() ? null : new PatientPseudonym(value);
    }

    /** The key version that made it, read from its prefix; 0 for a value not made by the {@link Pseudonymiser}. */
    public int keyVersion() {
        int dot = value.indexOf('.');
        if (value.charAt(0) != 'v' || dot < 2) {
            return 0;
        }
        try {
            return Integer.parseInt(value, 1, dot, 10);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
