package fr.contact.eds.audit.proofs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * What the DPO and the platform team must hear about at once: attempts to change the trail and stored entries that
 * no longer match their hashes, each logged at ERROR. Only integrity violations make the store unhealthy: a change
 * attempt is refused, so the trail is intact, and anyone signed in could otherwise turn the check DOWN at will.
 * Attempts are counted per account (a flood by one cannot hide another's) and shown to the DPO only; each is also in
 * the trail itself, as a denied access, durably and on every replica.
 */
public class AuditAlerts {

    private static final Logger LOG = Logger.getLogger(AuditAlerts.class);
    private static final int RECENT_KEPT = 100;

    /** {@code kind}: "change-attempt" or "integrity". */
    public record Alert(Instant at, String kind, String detail) {}

    /** Change attempts since this instance started: how many, by whom, and the latest ones in detail. */
    public record ChangeAttempts(long total, Map<String, Long> byAccount, List<Alert> recent) {}

    private final Clock clock;
    private final Deque<Alert> recentAttempts = new ArrayDeque<>();
    private final Map<String, Long> attemptsByAccount = new TreeMap<>();
    private long attempts;
    private volatile List<Alert> integrity = List.of();
    private volatile Instant checkedAt;

    public AuditAlerts(Clock clock) {
        this.clock = clock;
    }

    public synchronized void changeAttempted(String account, String detail) {
        LOG.errorf("AUDIT TRAIL CHANGE ATTEMPT by %s: %s", account, detail);
        attempts++;
        attemptsByAccount.merge(account, 1L, Long::sum);
        recentAttempts.addFirst(new Alert(clock.instant(), "change-attempt", account + ": " + detail));
        if (recentAttempts.size() > RECENT_KEPT) {
            recentAttempts.removeLast();
        }
    }

    /** The outcome of an integrity check replaces the previous one: a repaired store clears its alerts. */
    public void checked(List<String> violations) {
        Instant now = clock.instant();
        violations.forEach(v -> LOG.errorf("AUDIT TRAIL INTEGRITY: %s", v));
        integrity = violations.stream().map(v -> new Alert(now, "integrity", v)).toList();
        checkedAt = now;
    }

    /** Entries that no longer match their hashes, as the last integrity check found them. */
    public List<Alert> integrityViolations() {
        return integrity;
    }

    public synchronized ChangeAttempts changeAttempts() {
        return new ChangeAttempts(attempts, Map.copyOf(attemptsByAccount), List.copyOf(recentAttempts));
    }

    public Instant checkedAt() {
        return checkedAt;
    }
}
