package fr.contact.eds.portal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void scalesBarsToTheLargestShownCountAndOutlinesSuppressedOnes() {
        BarChart chart = BarChart.of(new Breakdown("month", List.of(new Breakdown.Row("2026-01", 1000L),
                new Breakdown.Row("2026-02", null), new Breakdown.Row("2026-03", 500L))));
        assertThat(chart.bars()).hasSize(3);
        int full = chart.baseline() - BarChart.TOP;
        assertThat(chart.bars().get(0).height()).isEqualTo(full);
        assertThat(chart.bars().get(2).height()).isEqualTo(full / 2);
        assertThat(chart.bars().get(1).suppressed()).isTrue();
        assertThat(chart.bars().get(1).value()).isEqualTo("< 11");
        assertThat(chart.bars()).allSatisfy(b -> assertThat(b.y() + b.height()).isEqualTo(chart.baseline()));
    }

    @Test
    void drawsNothingForNoRowsAndNeverDividesByZero() {
        assertThat(BarChart.of(new Breakdown("month", List.of())).bars()).isEmpty();
        BarChart onlySuppressed = BarChart.of(new Breakdown("month", List.of(new Breakdown.Row("x", null))));
        assertThat(onlySuppressed.bars().get(0).height()).isEqualTo(onlySuppressed.baseline() - BarChart.TOP);
    }

    @Test
    void neverAddsSuppressedCountsToTheTotal() {
        Breakdown b = new Breakdown("month", List.of(new Breakdown.Row("a", 20L), new Breakdown.Row("b", null)));
        assertThat(b.shownTotal()).isEqualTo(20);
        assertThat(b.suppressedRows()).isEqualTo(1);
    }
}
