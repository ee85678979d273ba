package fr.contact.eds.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EpisodeGeneratorTest {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final List<SyntheticEpisode> YEAR = new ArrayList<>();

    @BeforeAll
    static void generateAYear() {
        EpisodeGenerator generator = new EpisodeGenerator(42);
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() == 2025; d = d.plusDays(1)) {
            YEAR.addAll(generator.day(d, 120));
        }
    }

    private static LocalDate date(SyntheticEpisode e) {
        return e.callAt().atZone(FRANCE).toLocalDate();
    }

    private static double share(Predicate<SyntheticEpisode> which) {
        return YEAR.stream().filter(which).count() / (double) YEAR.size();
    }

    @Test
    void isTheSameForTheSameSeed() {
        var a = new EpisodeGenerator(7).day(LocalDate.of(2026, 1, 10), 50);
        var b = new EpisodeGenerator(7).day(LocalDate.of(2026, 1, 10), 50);
        assertThat(a).isEqualTo(b);
        assertThat(new EpisodeGenerator(8).day(LocalDate.of(2026, 1, 10), 50)).isNotEqualTo(a);
    }

    @Test
    void hasMoreCallsAtWeekendsAndInWinter() {
        Map<Boolean, Long> byWeekend = YEAR.stream().collect(Collectors.partitioningBy(e -> {
            DayOfWeek d = date(e).getDayOfWeek();
            return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
        }, Collectors.counting()));
        assertThat(byWeekend.get(true) / 104.0).isGreaterThan(1.5 * byWeekend.get(false) / 261.0);
        long january = YEAR.stream().filter(e -> date(e).getMonthValue() == 1).count();
        long july = YEAR.stream().filter(e -> date(e).getMonthValue() == 7).count();
        assertThat(january).isGreaterThan(july * 3 / 2);
    }

    @Test
    void peaksInTheEvening() {
        assertThat(share(e -> e.callAt().atZone(FRANCE).getHour() >= 18)).isBetween(0.35, 0.60);
    }

    @Test
    void bringsWinterEpidemics() {
        Predicate<SyntheticEpisode> winter = e -> EpisodeGenerator.winter(date(e));
        double fluInWinter = YEAR.stream().filter(winter).filter(e -> e.diagnosisIcpc2().equals("R80")).count()
                / (double) YEAR.stream().filter(winter).count();
        double fluOtherwise = YEAR.stream().filter(winter.negate()).filter(e -> e.diagnosisIcpc2().equals("R80"))
                .count()
                / (double) YEAR.stream().filter(winter.negate()).count();
        assertThat(fluInWinter).isGreaterThan(2 * fluOtherwise);
        assertThat(YEAR).anyMatch(e -> e.diagnosisIcd10().equals("J21.9"));
    }

    @Test
    void coversEveryDepartementIncludingCorsicaAndOverseas() {
        var seen = YEAR.stream().map(SyntheticEpisode::departement).collect(Collectors.toSet());
        assertThat(seen).containsExactlyInAnyOrderElementsOf(Departements.ALL).contains("2A", "2B",
                "971",
                "976");
    }

    @Test
    void usesRealisticModalitiesOutcomesAndReturningPatients() {
        assertThat(share(e -> e.encounterClass().equals("HH"))).isBetween(0.20, 0.28);
        assertThat(share(e -> e.encounterClass().equals("AMB"))).isBetween(0.30, 0.38);
        assertThat(share(e -> e.encounterClass().equals("VR"))).isBetween(0.07, 0.13);
        assertThat(share(SyntheticEpisode::adviceOnly)).isBetween(0.28, 0.36);
        assertThat(share(e -> e.disposition().equals("home"))).isBetween(0.8, 0.9);
        assertThat(share(e -> e.disposition().equals("emergency-department"))).isBetween(0.05, 0.11);
        assertThat(new HashSet<>(YEAR.stream().map(SyntheticEpisode::patient).toList()).size())
                .isLessThan(YEAR.size() * 9 / 10);
    }

    @Test
    void sendsMembersMostlyAndRegulatorsToTeleconsultations() {
        assertThat(YEAR).allSatisfy(e -> assertThat(e.practitioner() == null).isEqualTo(e.adviceOnly()));
        var seen = YEAR.stream().filter(e -> !e.adviceOnly()).toList();
        assertThat(
                seen.stream().filter(e -> e.practitioner().role().equals("associate")).count() / (double) seen.size())
                .isBetween(0.55, 0.7);
        assertThat(seen.stream().filter(e -> e.practitioner().role().equals("locum")).count() / (double) seen.size())
                .isBetween(0.2, 0.3);
        var teleconsultations = seen.stream().filter(e -> e.encounterClass().equals("VR")).toList();
        assertThat(teleconsultations.stream().filter(e -> e.practitioner().role().equals("regulator")).count()
                / (double) teleconsultations.size()).isBetween(0.35, 0.5);
        assertThat(seen.stream().collect(Collectors.groupingBy(e -> e.practitioner().rpps(),
                Collectors.mapping(e -> e.practitioner().role(), Collectors.toSet()))).values())
                .as("a practitioner keeps one role").allSatisfy(roles -> assertThat(roles).hasSize(1));
    }

    @Test
    void hasAFewPatientsWhoOpposeSomeOfWhomReturn() {
        var patients = new HashSet<>(YEAR.stream().map(SyntheticEpisode::patient).toList());
        long opposing = patients.stream().filter(SyntheticEpisode.SyntheticPatient::opposes).count();
        assertThat(opposing / (double) patients.size()).isBetween(0.01, 0.03);
        assertThat(YEAR.stream().filter(e -> e.patient().opposes()).count()).isGreaterThan(opposing);
    }

    @Test
    void neverSeesAPatientBeforeTheyAreBornEvenWhenDaysGoBackwards() {
        EpisodeGenerator backwards = new EpisodeGenerator(7);
        List<SyntheticEpisode> episodes = new ArrayList<>();
        for (LocalDate date = LocalDate.of(2026, 3, 31); !date.isBefore(LocalDate.of(2025, 4, 1)); date = date
                .minusDays(1)) {
            episodes.addAll(backwards.day(date, 60));
        }

        assertThat(episodes).allSatisfy(e -> assertThat(e.patient().birthDate())
                .isBeforeOrEqualTo(e.callAt().atZone(FRANCE).toLocalDate()));
    }

    @Test
    void timesEachStepAfterTheCall() {
        assertThat(YEAR).allSatisfy(e -> {
            assertThat(e.startAt()).isAfter(e.callAt());
            assertThat(e.endAt()).isAfter(e.startAt());
            if (e.dispatchAt() != null) {
                assertThat(e.dispatchAt()).isBetween(e.callAt(), e.startAt());
            }
        });
    }
}
