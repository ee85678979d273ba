package fr.contact.eds.patientidentity;

import fr.contact.eds.platform.rest.DateParams;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.text.BoundedText;
import fr.contact.eds.pseudonymisation.InsFacts;
import fr.contact.eds.pseudonymisation.InvalidIdentityException;
import fr.contact.eds.pseudonymisation.PatientIdentity;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * An identity as a request or a token states it: a qualified INS, or traits (family name, first given name,
 * birth date, sex, INSEE code of the birth place), or both. Every problem is a 400 naming the field.
 */
public record IdentityInput(String ins, String familyName, String givenName, String birthDate, String sex,
        String birthPlace) {

    /** {@code prefix} names where the identity came from in error messages: "child", "patient", "token". */
    public PatientIdentity toIdentity(String prefix) {
        bounded(prefix + ".ins", ins, 30);
        bounded(prefix + ".familyName", familyName, NAME_LENGTH);
        bounded(prefix + ".givenName", givenName, NAME_LENGTH);
        bounded(prefix + ".birthPlace", birthPlace, 10);
        try {
            return new PatientIdentity(Optional.ofNullable(blankToNull(ins)), familyName, givenName,
                    birthDate(prefix), sex(prefix), Optional.ofNullable(blankToNull(birthPlace)));
        } catch (InvalidIdentityException e) {
            throw ProblemException.badRequest(prefix + "." + fieldOf(e.field()), e.getMessage());
        }
    }

    /**
     * The INS's own facts (sex, birth year and month), to check what the caller typed against; a malformed INS is a
     * 400 naming the field.
     */
    public InsFacts insFacts(String prefix) {
        try {
            return InsFacts.of(ins);
        } catch (InvalidIdentityException e) {
            throw ProblemException.badRequest(prefix + ".ins", e.getMessage());
        }
    }

    public LocalDate birthDate(String prefix) {
        return DateParams.date(prefix + ".birthDate", birthDate, null);
    }

    /** Longer than any name civil status holds; a name is hashed, never stored, but read whole first. */
    static final int NAME_LENGTH = 200;

    private static void bounded(String field, String value, int maxLength) {
        BoundedText.problem(field, value, maxLength, false).ifPresent(problem -> {
            throw ProblemException.badRequest(field, problem);
        });
    }

    public PatientIdentity.Sex sex(String prefix) {
        if (sex == null || sex.isBlank()) {
            return null;
        }
        return switch (sex.strip().toLowerCase(Locale.ROOT)) {
            case "male", "m" -> PatientIdentity.Sex.MALE;
            case "female", "f" -> PatientIdentity.Sex.FEMALE;
            case "other", "o" -> PatientIdentity.Sex.OTHER;
            case "unknown", "u" -> PatientIdentity.Sex.UNKNOWN;
            default -> throw ProblemException.badRequest(prefix + ".sex", "Expected male, female, other or unknown");
        };
    }

    private static String fieldOf(String identityField) {
        return switch (identityField) {
            case "qualifiedIns" -> "ins";
            case "commune" -> "birthPlace";
            default -> identityField;
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
