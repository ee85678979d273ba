package fr.contact.eds.pseudonymisation;

/**
 * A patient as one research project knows them (22 characters of base64url): a different type from
 * {@link PatientPseudonym}, so the warehouse's name cannot reach a project's output by mistake.
 */
public record ProjectPseudonym(String value) {

    public ProjectPseudonym {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A project pseudonym has a value");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
