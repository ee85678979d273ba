package fr.contact.eds.audit.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What the DPO and the platform team must hear about at once: attempts to change the trail and stored entries that
 * no longer match their hashes. Logged at ERROR, and kept for the integrity health check.
 */
public class AuditAlerts {

    private static final Logger LOG = Logger.getLogger(AuditAlerts.class);
    private static final int KEPT = 100;

    /** {@code kind}: "change-attempt" or "integrity". */
    public record Alert(Instant at, String kind, String detail) {}

    private final Clock clock;
    private final List<Alert> changeAttempts = new ArrayList<>();
    private volatile List<Alert> integrity = List.of();
    private volatile Instant checkedAt;

    public AuditAlerts(Clock clock) {
        this.clock = clock;
    }

    public synchronized void changeAttempted(String detail) {
        LOG.errorf("AUDIT TRAIL CHANGE ATTEMPT: %s", detail);
        changeAttempts.add(new Alert(clock.instant(), "change-attempt", detail));
        if (changeAttempts.size() > KEPT) {
            changeAttempts.remove(0);
        }
    }

    /** The outcome of an integrity check replaces the previous one: a repaired store clears its alerts. */
    public void checked(List<String> violations) {
        Instant now = clock.instant();
        violations.forEach(v -> LOG.errorf("AUDIT TRAIL INTEGRITY: %s", v));
        integrity = violations.stream().map(v -> new Alert(now, "integrity", v)).toList();
        checkedAt = now;
    }

    public synchronized List<Alert> current() {
        List<Alert> all = new ArrayList<>(changeAttempts);
        all.addAll(integrity);
        return all;
    }

    public Instant checkedAt() {
        return checkedAt;
    }
}
