package fr.contact.eds.consent.decisions;

import fr.contact.eds.patientidentity.IdentityInput;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.pseudonymisation.InsFacts;
import java.time.LocalDate;
import java.time.Period;

/**
 * Who may decide for someone else: a parent or legal guardian, for a minor child only; an adult decides for
 * themselves. The typed birth date is not trusted alone: an INS encodes sex, birth year and month, so it must agree
 * with them and describe a minor by itself.
 */
public final class Guardianship {

    private Guardianship() {}

    /** A 400 naming the field when the child's birth date is missing, a 403 when the person is an adult. */
    public static void requireMinor(IdentityInput person, String prefix, LocalDate today) {
        LocalDate born = person.birthDate(prefix);
        if (born == null) {
            throw ProblemException.badRequest(prefix + ".birthDate", "The birth date of a child is required");
        }
        if (person.ins() != null && !person.ins().isBlank()) {
            InsFacts facts = person.insFacts(prefix);
            if (!facts.canBeMinorOn(today)) {
                throw adult(prefix, "by the INS given, this person is an adult");
            }
            facts.contradiction(born, person.sex(prefix)).ifPresent(field -> {
                throw adult(prefix, "the " + (field.equals("sex") ? "sex" : "birth date")
                        + " given does not match the INS, which encodes sex, birth year and month");
            });
        }
        if (Period.between(born, today).getYears() >= 18) {
            throw adult(prefix, "this person is an adult");
        }
    }

    private static ProblemException adult(String prefix, String why) {
        return new ProblemException(403, "Forbidden",
                "A patient may act for themselves or for a minor child only; " + why, prefix);
    }
}
