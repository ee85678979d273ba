package fr.contact.eds.catalog.register;

import com.mongodb.client.MongoDatabase;
import fr.contact.eds.catalog.warehouse.CareEpisodes;
import fr.contact.eds.platform.api.PatientPseudonym;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Counts of care episodes for anyone, by month, département, modality and age band (any combination), opposed
 * patients left out. A count between 1 and 10 could point at someone: it is shown as "<11".
 */
@Singleton
public class PublicStatistics {

    public static final List<String> DIMENSIONS = List.of("month", "departement", "modality", "ageBand");
    static final int SMALLEST_SHOWN = 11;

    /** One cell: its dimension values, and the count as a number or "<11". */
    public record Cell(Map<String, String> keys, Object count) {}

    public record Table(Instant from, Instant to, List<String> groupBy, List<Cell> cells, int suppressedCells) {}

    private final CareEpisodes episodes;

    @Inject
    public PublicStatistics(MongoDatabase database) {
        this.episodes = new CareEpisodes(database);
    }

    public Table count(Instant from, Instant to, List<String> groupBy) {
        Set<PatientPseudonym> opposed = episodes.opposed(null);
        Map<List<String>, Long> counts = new TreeMap<>((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
        for (Document e : episodes.countableBetween(from, to)) {
            if (opposed.contains(CareEpisodes.patientOf(e))) {
                continue;
            }
            List<String> key = new ArrayList<>();
            for (String dimension : groupBy) {
                key.add(valueOf(e, dimension));
            }
            counts.merge(key, 1L, Long::sum);
        }
        List<Cell> cells = new ArrayList<>();
        int suppressed = 0;
        for (var entry : counts.entrySet()) {
            Map<String, String> keys = new LinkedHashMap<>();
            for (int i = 0; i < groupBy.size(); i++) {
                keys.put(groupBy.get(i), entry.getKey().get(i));
            }
            boolean small = entry.getValue() < SMALLEST_SHOWN;
            suppressed += small ? 1 : 0;
            cells.add(new Cell(keys, small ? "<" + SMALLEST_SHOWN : entry.getValue()));
        }
        return new Table(from, to, groupBy, cells, suppressed);
    }

    private static String valueOf(Document e, String dimension) {
        return switch (dimension) {
            case "month" -> CareEpisodes.openedOn(e).toString().substring(0, 7);
            case "departement" -> CareEpisodes.departement(e);
            case "modality" -> CareEpisodes.modality(e);
            case "ageBand" -> CareEpisodes.ageBand(e);
            default -> throw new IllegalArgumentException("No dimension " + dimension);
        };
    }
}
