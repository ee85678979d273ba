package fr.contact.eds.pseudonymisation;

import java.time.LocalDate;
import java.time.Period;

/**
 * Quasi-identifiers as they may be stored: age in whole years at the encounter, its surveillance age band
 * (the bands of French syndromic surveillance: 0-1, 2-14, 15-44, 45-64, 65-74, 75+), and birth year
 * only. The exact birth date is dropped.
 */
public record Generalised(int ageYears, String ageBand, int birthYear) {

    public static Generalised of(LocalDate birthDate, LocalDate at) {
        if (birthDate.isAfter(at)) {
            throw new InvalidIdentityException("birthDate", "Birth date is after the encounter");
        }
        int age = Period.between(birthDate, at).getYears();
        if (age > 125) {
            throw new InvalidIdentityException("birthDate", "Birth date gives an age over 125 years");
        }
        return new Generalised(age, band(age), birthDate.getYear());
    }

    static String band(int age) {
        if (age < 2) {
            return "0-1";
        }
        if (age < 15) {
            return "2-14";
        }
        if (age < 45) {
            return "15-44";
        }
        if (age < 65) {
            return "45-64";
        }
        return age < 75 ? "65-74" : "75+";
    }
}
