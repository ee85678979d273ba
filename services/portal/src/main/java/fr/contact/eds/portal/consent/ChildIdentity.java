package fr.contact.eds.portal.consent;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A minor child's identity as the parent types it: an INS, or the traits of civil status. Consent checks it (the
 * child must be a minor, the INS must agree with the traits) and names the field it refuses.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChildIdentity(String ins, String familyName, String givenName, String birthDate, String sex,
        String birthPlace) {

    public static ChildIdentity of(String ins, String familyName, String givenName, String birthDate, String sex,
            String birthPlace) {
        return new ChildIdentity(blankToNull(ins), blankToNull(familyName), blankToNull(givenName),
                blankToNull(birthDate), blankToNull(sex), blankToNull(birthPlace));
    }

    /** A field by its form name, for showing the form again as typed; empty for none. */
    public String value(String field) {
        String value = switch (field) {
            case "ins" -> ins;
            case "familyName" -> familyName;
            case "givenName" -> givenName;
            case "birthDate" -> birthDate;
            case "sex" -> sex;
            case "birthPlace" -> birthPlace;
            default -> null;
        };
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
