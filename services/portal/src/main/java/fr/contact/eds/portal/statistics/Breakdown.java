package fr.contact.eds.portal.statistics;

import fr.contact.eds.portal.catalog.StatisticsTable;
import java.util.List;

/**
 * Episode counts along one dimension (month, département, modality, age band), as rows a table and a chart show.
 * A suppressed count stays suppressed: it is shown as "< 11", never as a number, and never summed.
 */
public record Breakdown(String dimension, List<Row> rows) {

    public record Row(String label, Long count) {

        public boolean suppressed() {
            return count == null;
        }

        /** The count as a table cell or a CSV field shows it. */
        public String shown() {
            return count == null ? "< 11" : count.toString();
        }
    }

    public static Breakdown of(String dimension, StatisticsTable table) {
        return new Breakdown(dimension, table.cells().stream()
                .map(c -> new Row(labelOf(c.keys().get(dimension)), c.shown())).toList());
    }

    /** What the shown counts add up to: a lower bound, since suppressed cells are left out. */
    public long shownTotal() {
        return rows.stream().filter(r -> !r.suppressed()).mapToLong(Row::count).sum();
    }

    public long suppressedRows() {
        return rows.stream().filter(Row::suppressed).count();
    }

    private static String labelOf(String key) {
        return key == null || key.isBlank() ? "?" : key;
    }
}
