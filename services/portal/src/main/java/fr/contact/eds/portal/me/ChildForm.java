package fr.contact.eds.portal.me;

import fr.contact.eds.portal.consent.ChildIdentity;
import java.util.List;

/**
 * The child form as typed, kept to show it again beside consent's refusal: which field ({@code child.birthDate}…)
 * and why, in consent's own words.
 */
public record ChildForm(ChildIdentity child, String refusedField, String refusal) {

    /** The form's fields in the order civil status gives them; the INS last, as it is optional. */
    public List<String> fields() {
        return List.of("familyName", "givenName", "birthDate", "sex", "birthPlace", "ins");
    }

    public static ChildForm empty() {
        return new ChildForm(ChildIdentity.of(null, null, null, null, null, null), null, null);
    }

    /** Whether consent refused this field ({@code ins}, {@code familyName}, {@code birthDate}…). */
    public boolean refused(String field) {
        return refusedField != null && (refusedField.equals("child." + field) || refusedField.equals(field));
    }

    /** A refusal that names no field of the form (the child is an adult, say): shown above the form. */
    public boolean refusedAsAWhole() {
        return refusal != null && (refusedField == null || !refusedField.startsWith("child."));
    }
}
