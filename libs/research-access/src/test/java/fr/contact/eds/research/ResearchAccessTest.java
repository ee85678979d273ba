package fr.contact.eds.research;

import static org.assertj.core.api.Assertions.assertThat;

import fr.contact.eds.catalog.api.Permit;
import fr.contact.eds.catalog.api.Variables;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.pseudonymisation.ProjectPseudonyms;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ResearchAccessTest {

    private static final byte[] MASTER = new byte[32];
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 3, 31);

    private static ResearchAccess access(String projectId, boolean shiftDates, String... variables) {
        return new ResearchAccess(projectId, new Permit("permit-1", List.of("r"), List.of("unscheduled-care-episodes"),
                List.of(variables), FROM, TO, LocalDate.of(2027, 1, 1), shiftDates),
                new ProjectPseudonyms(MASTER, projectId));
    }

    @Property
    void spansExactlyTheDaysOfThePermitCountedInUtc(
            @ForAll @LongRange(min = 1_760_000_000L, max = 1_780_000_000L) long epochSecond) {
        Instant at = Instant.ofEpochSecond(epochSecond);
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        ResearchAccess access = access("p-1", false);

        assertThat(!at.isBefore(access.periodStart()) && at.isBefore(access.periodEnd()))
                .isEqualTo(!day.isBefore(FROM) && !day.isAfter(TO));
    }

    @Test
    void boundsThePeriodAtMidnightUtcOnBothEnds() {
        ResearchAccess access = access("p-1", false);

        assertThat(access.periodStart()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(access.periodEnd()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    }

    @Property
    void shiftsEveryDateOfAPatientByTheSameNonZeroDaysOnlyWhenThePermitSaysSo(@ForAll("patients") String pseudonym,
            @ForAll @IntRange(min = 0, max = 86_399) int secondOfDay) {
        ResearchAccess shifting = access("p-1", true, Variables.VISIT_TIMES);
        PatientPseudonym patient = new PatientPseudonym(pseudonym);
        Instant at = Instant.parse("2026-02-10T00:00:00Z").plusSeconds(secondOfDay);

        int shift = shifting.shiftDays(patient);
        assertThat(shift).isBetween(-30, 30).isNotZero();
        assertThat(shifting.shown(at, shift)).isEqualTo(at.plus(shift, ChronoUnit.DAYS));
        assertThat(access("p-1", false, Variables.VISIT_TIMES).shiftDays(patient)).isZero();
        assertThat(shifting.shiftDays(null)).isZero();
    }

    @Property
    void keepsOnlyTheDayOfAnInstantUnlessVisitTimesAreReleased(
            @ForAll @IntRange(min = 0, max = 86_399) int secondOfDay,
            @ForAll @IntRange(min = -30, max = 30) int shift) {
        Instant at = Instant.parse("2026-02-10T00:00:00Z").plusSeconds(secondOfDay);

        assertThat(access("p-1", true).shown(at, shift))
                .isEqualTo(Instant.parse("2026-02-10T00:00:00Z").plus(shift, ChronoUnit.DAYS));
        assertThat(access("p-1", true, Variables.VISIT_TIMES).shown(at, shift))
                .isEqualTo(at.plus(shift, ChronoUnit.DAYS));
        assertThat(access("p-1", true).shown(null, shift)).isNull();
    }

    @Property
    void givesEachProjectItsOwnIdentifiersSoThatTwoProjectsCannotJoin(@ForAll("patients") String pseudonym) {
        ResearchAccess first = access("p-1", true);
        ResearchAccess second = access("p-2", true);
        PatientPseudonym patient = new PatientPseudonym(pseudonym);

        assertThat(first.projectPseudonym(patient).value()).hasSize(22).isNotEqualTo(pseudonym);
        assertThat(first.projectPseudonym(patient)).isEqualTo(access("p-1", false).projectPseudonym(patient))
                .isNotEqualTo(second.projectPseudonym(patient));
        assertThat(first.projectEpisodeId("ep-" + pseudonym)).isNotEqualTo(second.projectEpisodeId("ep-" + pseudonym))
                .isNotEqualTo(first.projectPseudonym(new PatientPseudonym("ep-" + pseudonym)).value());
        assertThat(first.projectPseudonym(null)).isNull();
    }

    @Test
    void releasesOnlyThePermitsVariables() {
        ResearchAccess access = access("p-1", false, Variables.SEX, Variables.CONDITIONS);

        assertThat(Variables.ALL).filteredOn(access::releases)
                .containsExactlyInAnyOrder(Variables.SEX, Variables.CONDITIONS);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> patients() {
        return net.jqwik.api.Arbitraries.strings().alpha().numeric().ofMinLength(8).ofMaxLength(40).map(s -> "v1."
                + s);
    }
}
