package fr.contact.eds.portal.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Public counts of care episodes. A cell's count is a number, or the text "<11" where a small count could point at
 * someone: the catalog suppresses it, the portal only shows it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatisticsTable(Instant from, Instant to, List<String> groupBy, List<Cell> cells, int suppressedCells) {

    public StatisticsTable {
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
        cells = cells == null ? List.of() : List.copyOf(cells);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cell(Map<String, String> keys, Object count) {

        public Cell {
            keys = keys == null ? Map.of() : Map.copyOf(keys);
        }

        /** The count when shown, null when suppressed. */
        public Long shown() {
            return count instanceof Number n ? n.longValue() : null;
        }
    }
}
