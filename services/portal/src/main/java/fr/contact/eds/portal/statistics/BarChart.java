package fr.contact.eds.portal.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn on the server as SVG geometry (no script, readable by the template): one bar per row, scaled
 * to the largest shown count. A suppressed row is an outlined bar the height of the threshold, labelled "< 11".
 */
public record BarChart(int width, int height, int baseline, List<Bar> bars) {

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    static final int TOP = 24;
    static final int BOTTOM = 40;
    static final int LEFT = 8;
    private static final int SUPPRESSION_THRESHOLD = 11;

    public record Bar(int x, int y, int width, int height, int labelX, String label, String value,
            boolean suppressed) {}

    public static BarChart of(Breakdown breakdown) {
        List<Breakdown.Row> rows = breakdown.rows();
        long max = Math.max(SUPPRESSION_THRESHOLD,
                rows.stream().filter(r -> !r.suppressed()).mapToLong(Breakdown.Row::count).max().orElse(0));
        int baseline = HEIGHT - BOTTOM;
        int drawable = baseline - TOP;
        int slot = rows.isEmpty() ? 0 : (WIDTH - LEFT) / rows.size();
        int barWidth = Math.max(2, slot * 7 / 10);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Breakdown.Row row = rows.get(i);
            long value = row.suppressed() ? SUPPRESSION_THRESHOLD : row.count();
            int h = (int) Math.max(1, Math.round((double) value * drawable / max));
            int x = LEFT + i * slot + (slot - barWidth) / 2;
            bars.add(new Bar(x, baseline - h, barWidth, h, x + barWidth / 2, row.label(), row.shown(),
                    row.suppressed()));
        }
        return new BarChart(WIDTH, HEIGHT, baseline, bars);
    }
}
