package fr.contact.eds.episodes.indicators;

import static fr.contact.eds.episodes.episodes.EpisodeEvents.apply;
import static fr.contact.eds.episodes.episodes.EpisodeEvents.freshDatabase;
import static fr.contact.eds.episodes.episodes.EpisodeEvents.homeVisit;
import static fr.contact.eds.episodes.episodes.EpisodeEvents.projection;
import static fr.contact.eds.episodes.episodes.EpisodeEvents.queries;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import fr.contact.eds.consent.api.Channel;
import fr.contact.eds.consent.api.DecisionOrigin;
import fr.contact.eds.consent.api.OppositionRegisteredEvent;
import fr.contact.eds.episodes.episodes.Episode;
import fr.contact.eds.episodes.episodes.EpisodeProjection;
import fr.contact.eds.episodes.indicators.Indicators.DelayRow;
import fr.contact.eds.episodes.indicators.Indicators.EmergencyRow;
import fr.contact.eds.episodes.indicators.Indicators.Period;
import fr.contact.eds.episodes.indicators.Indicators.SyndromicRow;
import fr.contact.eds.ingestion.api.Disposition;
import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IndicatorsTest {

    /** Thursday 15 January 2026, 20:52 in Paris. */
    private static final Instant EVENING = Instant.parse("2026-01-15T19:52:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 1, 15);

    private final MongoDatabase db = freshDatabase();
    private final EpisodeProjection projection = projection(db);
    private final Indicators indicators = new Indicators(queries(db));

    private void episode(String id, String patient, Instant call, String departement, String ageBand, String icpc2,
            String icd10, Disposition disposition) {
        apply(projection, homeVisit(id, patient, call, departement, ageBand, icpc2, icd10, disposition));
    }

    @Nested
    class SyndromeDefinitions {

        private final SyndromeGroups groups = SyndromeGroups.load(1);

        @Test
        void matchIcpc2CodesAndIcd10PrefixesWithinTheirAgeBands() {
            var influenza = List.of(new Episode.CodeView("http://hl7.org/fhir/sid/icd-10", "J11.1"));
            var bronchiolitis = List.of(new Episode.CodeView("http://hl7.org/fhir/sid/icpc-2", "R78"));

            assertThat(groups.groups()).extracting(SyndromeGroups.Group::name).containsExactly(
                    "influenza-like-illness", "gastro-enteritis", "bronchiolitis", "covid-19", "asthma",
                    "heat-related");
            assertThat(groups.groups().get(0).matches(influenza, "45-64")).isTrue();
            assertThat(groups.groups().get(2).matches(bronchiolitis, "0-1")).isTrue();
            assertThat(groups.groups().get(2).matches(bronchiolitis, "45-64")).isFalse();
        }

        @Test
        void refuseAVersionThatDoesNotExist() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SyndromeGroups.load(99))
                    .hasMessageContaining("version 99");
        }
    }

    @Test
    void countsSyndromesByDayDepartementAndAgeBandWithTheShareOfAllEpisodes() {
        episode("e1", "p1", EVENING, "75", "15-44", "R80", "J11.1", Disposition.HOME);
        episode("e2", "p2", EVENING, "75", "15-44", "R80", "J11.1", Disposition.HOME);
        episode("e3", "p3", EVENING, "75", "15-44", "L03", "M54.5", Disposition.HOME);
        episode("e4", "p4", EVENING, "971", "0-1", "R78", "J21.9", Disposition.HOME);
        episode("e5", "p5", EVENING.plusSeconds(86_400), "75", "15-44", "D73", "A09.9", Disposition.HOME);

        List<SyndromicRow> day = indicators.syndromic(DAY, DAY, Period.DAY);

        assertThat(day).containsExactlyInAnyOrder(
                new SyndromicRow("2026-01-15", "influenza-like-illness", "75", "15-44", 2, 3),
                new SyndromicRow("2026-01-15", "bronchiolitis", "971", "0-1", 1, 1));
        assertThat(indicators.syndromic(DAY, DAY.plusDays(1), Period.WEEK)).contains(
                new SyndromicRow("2026-W03", "influenza-like-illness", "75", "15-44", 2, 4),
                new SyndromicRow("2026-W03", "gastro-enteritis", "75", "15-44", 1, 4));
    }

    @Test
    void leavesOpposedPatientsOutOfEveryCount() {
        episode("e1", "p1", EVENING, "75", "15-44", "R80", "J11.1", Disposition.HOME);
        episode("e2", "p2", EVENING, "75", "15-44", "R80", "J11.1", Disposition.HOME);
        apply(projection,
                List.of(new OppositionRegisteredEvent(new PatientPseudonym("p2"), List.of(new PatientPseudonym("p2")),
                        "d", "OPP", EVENING,
                        new DecisionOrigin("patient", Channel.ONLINE, null, null))));

        assertThat(indicators.syndromic(DAY, DAY, Period.DAY))
                .containsExactly(new SyndromicRow("2026-01-15", "influenza-like-illness", "75", "15-44", 1, 1));
    }

    @Test
    void givesCallToArrivalDelaysByHourAndTheShareEndingAtTheEmergencyDepartment() {
        episode("e1", "p1", EVENING, "13", "65-74", "R80", "J11.1", Disposition.HOME);
        episode("e2", "p2", EVENING.plusSeconds(60), "13", "65-74", "R80", "J11.1", Disposition.EMERGENCY_DEPARTMENT);

        var access = indicators.accessToCare(DAY, DAY);

        assertThat(access.delays()).containsExactly(new DelayRow("13", 20, 2, 48L, 48L));
        assertThat(access.emergencyDepartment()).containsExactly(new EmergencyRow("13", 2, 1));
    }

    @Test
    void takesNearestRankPercentiles() {
        assertThat(Indicators.percentile(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 50)).isEqualTo(5L);
        assertThat(Indicators.percentile(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 90)).isEqualTo(9L);
        assertThat(Indicators.percentile(List.of(7L), 90)).isEqualTo(7L);
    }
}
