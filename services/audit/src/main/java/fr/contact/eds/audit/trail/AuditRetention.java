package fr.contact.eds.audit.trail;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * Purges entries past the retention period, oldest first, in leaf order: the content goes, the hashes stay, so every
 * signed head, inclusion proof of a kept entry and consistency proof remains verifiable. Everything before the
 * purge horizon is gone on purpose; a missing entry after it is tampering.
 */
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);
    private static final int MIN_MONTHS = 6;
    private static final int MAX_MONTHS = 36;

    private final AuditLog log;
    private final int months;
    private final Clock clock;

    public AuditRetention(AuditLog log, int months, Clock clock) {
        if (months < MIN_MONTHS || months > MAX_MONTHS) {
            throw new IllegalArgumentException("contact.audit.retention-months must be between " + MIN_MONTHS
                    + " and " + MAX_MONTHS + ", not " + months);
        }
        this.log = log;
        this.months = months;
        this.clock = clock;
    }

    /** Returns how many entries were purged. */
    public long purge() {
        Date cutoff = Date.from(clock.instant().atZone(ZoneOffset.UTC).minusMonths(months).toInstant());
        long horizon = log.purgedBefore();
        long size = log.size();
        // Entries are in append order; an entry a little younger than the next one waits for it.
        long next = horizon;
        for (Document entry : log.entries().find(Filters.gte("_id", horizon)).sort(Sorts.ascending("_id"))) {
            if (!entry.getDate("occurredAt").before(cutoff)) {
                break;
            }
            next = AuditLog.leafIndexOf(entry) + 1;
        }
        next = Math.min(next, size);
        if (next == horizon) {
            return 0;
        }
        log.purgedUpTo(next);
        long purged = log.entries().deleteMany(Filters.lt("_id", next)).getDeletedCount();
        LOG.infof("Purged %d audit entries older than %d months (before entry %d); their hashes are kept", purged,
                months, next);
        return purged;
    }
}
