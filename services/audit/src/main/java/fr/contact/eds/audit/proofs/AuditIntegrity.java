package fr.contact.eds.audit.proofs;

import fr.contact.eds.audit.trail.AuditLog;
import fr.contact.eds.auditproof.CompactRange;
import fr.contact.eds.auditproof.SignedTreeHead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The service's own watch over its store, the same checks as the independent verifier: every entry kept hashes to
 * the leaf recorded when it was appended, none is missing, and the recorded leaves still give the last signed head.
 */
public class AuditIntegrity {

    private final AuditLog log;
    private final TreeHeads heads;
    private final AuditAlerts alerts;

    public AuditIntegrity(AuditLog log, TreeHeads heads, AuditAlerts alerts) {
        this.log = log;
        this.heads = heads;
        this.alerts = alerts;
    }

    public List<String> check() {
        List<String> violations = new ArrayList<>();
        long size = log.size();
        long purgedBefore = log.purgedBefore();
        Optional<SignedTreeHead> head = heads.latest();
        if (head.isPresent() && head.get().treeSize() > size) {
            violations.add("the trail records " + size + " entries, fewer than its signed tree head of size "
                    + head.get().treeSize() + ": a trail never shrinks");
        }
        CompactRange recorded = new CompactRange();
        AtomicBoolean hashesLost = new AtomicBoolean();
        try {
            log.forEachLeaf(size, (index, leafHash, entry) -> {
                if (hashesLost.get()) {
                    return;
                }
                if (index != recorded.size()) {
                    violations.add("the hashes of entries " + recorded.size() + " to " + (index - 1)
                            + " are missing");
                    hashesLost.set(true);
                    return;
                }
                if (entry != null && !Arrays.equals(entry.leafHash(), leafHash)) {
                    violations.add("entry " + index + " (access " + entry.accessId()
                            + ") was altered, moved or replaced: it no longer hashes to its leaf");
                } else if (entry == null && index >= purgedBefore) {
                    violations.add("entry " + index + " is missing: deleted from the store, not purged");
                }
                recorded.append(leafHash);
                if (head.isPresent() && recorded.size() == head.get().treeSize()
                        && !Arrays.equals(recorded.root(), head.get().root())) {
                    violations.add("the recorded leaves no longer give the signed tree head of size "
                            + head.get().treeSize());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        alerts.checked(violations);
        return violations;
    }
}
