package fr.contact.eds.audit.trail;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * Reads of the trail, newest first. The cursor is the leaf index of the last entry returned: entries appended while
 * the DPO pages through go on the first page, never shift the following ones.
 */
public class AuditEntries {

    private final AuditLog log;

    public AuditEntries(AuditLog log) {
        this.log = log;
    }

    public EntryPage search(EntryFilter filter, Long cursor, int limit) {
        Bson query = cursor == null ? filter.toBson() : Filters.and(filter.toBson(), Filters.lt("_id", cursor));
        List<AuditEntry> entries = new ArrayList<>();
        log.entries().find(query).sort(Sorts.descending("_id")).limit(limit + 1).map(AuditEntry::from)
                .into(entries);
        if (entries.size() <= limit) {
            return new EntryPage(entries, null);
        }
        List<AuditEntry> page = entries.subList(0, limit);
        return new EntryPage(List.copyOf(page), Long.toString(page.get(limit - 1).leafIndex()));
    }
}
