package fr.contact.eds.pseudonymisation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What an INS (NIR form) says of its holder, so that what a caller types can be checked against it: sex (1 or 7 a
 * man, 2 or 8 a woman), the last two digits of the birth year, and the birth month (01-12; other values stand for
 * an unknown month). The century is not encoded: a birth year is one of two.
 */
public record InsFacts(Optional<PatientIdentity.Sex> sex, int yearOfCentury, Optional<Integer> month) {

    /** The facts of an INS, which is validated first (shape and control key). */
    public static InsFacts of(String ins) {
        String valid = Ins.validate(ins);
        Optional<PatientIdentity.Sex> sex = switch (valid.charAt(0)) {
            case '1', '7' -> Optional.of(PatientIdentity.Sex.MALE);
            case '2', '8' -> Optional.of(PatientIdentity.Sex.FEMALE);
            default -> Optional.empty();
        };
        int month = Integer.parseInt(valid.substring(3, 5));
        return new InsFacts(sex, Integer.parseInt(valid.substring(1, 3)),
                month >= 1 && month <= 12 ? Optional.of(month) : Optional.empty());
    }

    /** The field of {@code birthDate}/{@code sex} that contradicts the INS, if any ("birthDate" or "sex"). */
    public Optional<String> contradiction(LocalDate birthDate, PatientIdentity.Sex claimedSex) {
        if (birthDate != null && (birthDate.getYear() % 100 != yearOfCentury
                || month.isPresent() && month.get() != birthDate.getMonthValue())) {
            return Optional.of("birthDate");
        }
        if (claimedSex != null && sex.isPresent() && (claimedSex == PatientIdentity.Sex.MALE
                || claimedSex == PatientIdentity.Sex.FEMALE) && claimedSex != sex.get()) {
            return Optional.of("sex");
        }
        return Optional.empty();
    }

    /**
     * Whether the holder can be under 18 on {@code today} by the INS alone: in one of the two possible centuries,
     * born less than 18 years ago (to the month when it is known) and not in the future.
     */
    public boolean canBeMinorOn(LocalDate today) {
        LocalDate eighteenYearsAgo = today.minusYears(18);
        for (int century : List.of(1900, 2000)) {
            int year = century + yearOfCentury;
            LocalDate earliest = YearMonth.of(year, month.orElse(1)).atDay(1);
            LocalDate latest = YearMonth.of(year, month.orElse(12)).atEndOfMonth();
            // Under 18 for some day of that month (or year), and born already.
            if (!earliest.isAfter(today) && latest.isAfter(eighteenYearsAgo)) {
                return true;
            }
        }
        return false;
    }
}
