package fr.contact.eds.episodes.indicators;

import fr.contact.eds.episodes.episodes.EpisodeQueries;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Public-health indicators over the visible episodes (opposed patients never count): syndromic counts by day or
 * ISO week, département and age band, with the share of all episodes; and access to care, call-to-arrival delays
 * by département and hour of the call, and the share of episodes ending at the emergency department. Counts are
 * exact here; suppressing small ones is the caller's business, depending on who asks.
 */
@Singleton
public class Indicators {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    public enum Period {
        DAY, WEEK
    }

    public record SyndromicRow(String period, String syndrome, String departement, String ageBand, int count,
            int total) {}

    public record DelayRow(String departement, int hour, int episodes, Long medianMinutes, Long p90Minutes) {}

    public record EmergencyRow(String departement, int episodes, int endingAtEmergencyDepartment) {}

    public record AccessToCare(List<DelayRow> delays, List<EmergencyRow> emergencyDepartment) {}

    private final EpisodeQueries queries;
    private final SyndromeGroups syndromes = SyndromeGroups.load(1);

    @Inject
    public Indicators(EpisodeQueries queries) {
        this.queries = queries;
    }

    public int syndromesVersion() {
        return syndromes.version();
    }

    /** Days {@code from} to {@code to} inclusive (French time). */
    public List<SyndromicRow> syndromic(LocalDate from, LocalDate to, Period period) {
        Function<LocalDate, String> periodOf = period == Period.DAY ? LocalDate::toString
                : d -> String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
                        d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        Map<String, int[]> totals = new HashMap<>();
        Map<String, int[]> counts = new TreeMap<>();
        queries.forEachOpenedBetween(start(from), start(to.plusDays(1)), episode -> {
            String cell = periodOf.apply(episode.openedAt().atZone(FRANCE).toLocalDate()) + "|"
                    + episode.departement() + "|" + episode.ageBand();
            totals.computeIfAbsent(cell, k -> new int[1])[0]++;
            for (String syndrome : syndromes.of(episode)) {
                counts.computeIfAbsent(cell + "|" + syndrome, k -> new int[1])[0]++;
            }
        });
        List<SyndromicRow> rows = new ArrayList<>();
        counts.forEach((key, count) -> {
            String[] parts = key.split("\\|", -1);
            String cell = parts[0] + "|" + parts[1] + "|" + parts[2];
            rows.add(new SyndromicRow(parts[0], parts[3], parts[1], parts[2], count[0], totals.get(cell)[0]));
        });
        return rows;
    }

    public AccessToCare accessToCare(LocalDate from, LocalDate to) {
        Map<String, List<Long>> delays = new TreeMap<>();
        Map<String, int[]> outcomes = new TreeMap<>();
        queries.forEachOpenedBetween(start(from), start(to.plusDays(1)), episode -> {
            int[] ed = outcomes.computeIfAbsent(episode.departement(), k -> new int[2]);
            ed[0]++;
            if ("EMERGENCY_DEPARTMENT".equals(episode.outcome())) {
                ed[1]++;
            }
            Long delay = episode.timings().callToArrivalMinutes();
            if (delay != null) {
                int hour = episode.call().receivedAt().atZone(FRANCE).getHour();
                delays.computeIfAbsent(episode.departement() + "|" + hour, k -> new ArrayList<>()).add(delay);
            }
        });
        List<DelayRow> delayRows = new ArrayList<>();
        delays.forEach((key, values) -> {
            values.sort(Long::compare);
            String[] parts = key.split("\\|");
            delayRows.add(new DelayRow(parts[0], Integer.parseInt(parts[1]), values.size(), percentile(values, 50),
                    percentile(values, 90)));
        });
        List<EmergencyRow> edRows = new ArrayList<>();
        outcomes.forEach((departement, n) -> edRows.add(new EmergencyRow(departement, n[0], n[1])));
        return new AccessToCare(delayRows, edRows);
    }

    /** Nearest-rank percentile of sorted values. */
    static Long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(FRANCE).toInstant();
    }
}
