package fr.contact.eds.pseudonymisation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What identifies a patient at intake. A qualified INS (NIR-based national identifier) wins when present;
 * otherwise the traits. Never stored: only its pseudonym leaves the ingestion and consent services.
 */
public record PatientIdentity(Optional<String> qualifiedIns, String familyName, String givenName, LocalDate birthDate,
        Sex sex, Optional<String> birthPlaceInsee) {

    public enum Sex {
        MALE, FEMALE, OTHER, UNKNOWN
    }

    public PatientIdentity {
        Objects.requireNonNull(qualifiedIns, "qualifiedIns");
        Objects.requireNonNull(birthPlaceInsee, "birthPlaceInsee");
        if (qualifiedIns.isEmpty()) {
            require(familyName, "familyName");
            require(givenName, "givenName");
            require(birthDate, "birthDate");
            require(sex, "sex");
        }
        qualifiedIns = qualifiedIns.map(Ins::validate);
        birthPlaceInsee = birthPlaceInsee.map(Territory::requireCommuneCode);
    }

    public static PatientIdentity withIns(String ins) {
        return new PatientIdentity(Optional.of(ins), null, null, null, null, Optional.empty());
    }

    public static PatientIdentity withTraits(String familyName, String givenName, LocalDate birthDate, Sex sex,
            String birthPlaceInsee) {
        return new PatientIdentity(Optional.empty(), familyName, givenName, birthDate, sex,
                Optional.ofNullable(birthPlaceInsee));
    }

    /** The same person by traits alone, when this identity has a qualified INS and every trait as well. */
    public Optional<PatientIdentity> traitsOnly() {
        if (qualifiedIns.isEmpty() || familyName == null || familyName.isBlank() || givenName == null
                || givenName.isBlank() || birthDate == null || sex == null) {
            return Optional.empty();
        }
        return Optional.of(new PatientIdentity(Optional.empty(), familyName, givenName, birthDate, sex,
                birthPlaceInsee));
    }

    private static void require(Object value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new InvalidIdentityException(field, field + " is required when no qualified INS is given");
        }
    }

    /** The canonical text that is hashed: domain-separated so an INS can never collide with traits. */
    String canonical() {
        if (qualifiedIns.isPresent()) {
            return "INS|" + qualifiedIns.get();
        }
        return String.join("|", "IDT", Names.normalise(familyName), Names.normalise(firstGiven(givenName)),
                birthDate.toString(), sex.name(), birthPlaceInsee.orElse(""));
    }

    private static String firstGiven(String given) {
        String normalised = given.strip();
        int space = normalised.indexOf(' ');
        return space < 0 ? normalised : normalised.substring(0, space);
    }

    @Override
    public String toString() {
        return "PatientIdentity[redacted]";
    }
}
