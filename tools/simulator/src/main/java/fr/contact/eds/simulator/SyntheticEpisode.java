package fr.contact.eds.simulator;

import java.time.Instant;
import java.time.LocalDate;

/** One generated care episode, before it is written as FHIR. */
public record SyntheticEpisode(
        String associationId,
        String episodeNumber,
        SyntheticPatient patient,
        String departement,
        String postalCode,
        Instant callAt,
        String reasonIcpc2,
        String triagePriority,
        String encounterClass,
        Instant dispatchAt,
        Practitioner practitioner,
        Instant startAt,
        Instant endAt,
        String diagnosisIcpc2,
        String diagnosisIcd10,
        double temperatureCelsius,
        String medicationAtc,
        String disposition,
        boolean gpHandOff) {

    /** {@code encounterClass} of a call that ended with advice: no encounter follows it. */
    public static final String ADVICE = "ADVICE";

    public boolean adviceOnly() {
        return ADVICE.equals(encounterClass);
    }

    /**
     * Who saw the patient (none for advice): {@code rpps} is the practitioner's national identifier, {@code role} a
     * CONTACT practitioner-role code; a practitioner keeps one role.
     */
    public record Practitioner(String rpps, String role) {}

    /**
     * A synthetic person; {@code ins} is empty when the identity is not qualified; {@code opposes}: objects to the
     * reuse of their data after their first episode.
     */
    public record SyntheticPatient(String ins, String family, String given, LocalDate birthDate, String gender,
            boolean opposes) {}
}
