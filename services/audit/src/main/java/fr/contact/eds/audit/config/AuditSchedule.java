package fr.contact.eds.audit.config;

import fr.contact.eds.audit.proofs.AuditIntegrity;
import fr.contact.eds.audit.proofs.TreeHeads;
import fr.contact.eds.audit.trail.AuditRetention;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** The trail's routine: sign heads as it grows, check the store against them, purge what is past retention. */
@Singleton
public class AuditSchedule {

    private static final Logger LOG = Logger.getLogger(AuditSchedule.class);

    private final AuditConfig config;

    private final TreeHeads heads;

    private final AuditIntegrity integrity;

    private final AuditRetention retention;

    public AuditSchedule(AuditConfig config, TreeHeads heads, AuditIntegrity integrity, AuditRetention retention) {
        this.config = config;
        this.heads = heads;
        this.integrity = integrity;
        this.retention = retention;
    }

    private final ScheduledExecutorService executor = Executors
            .newSingleThreadScheduledExecutor(r -> new Thread(r, "audit-schedule"));

    void start(@Observes StartupEvent event) {
        if (heads.canSign()) {
            every(config.audit().treeHeadEvery(), "sign a tree head", heads::signIfGrown);
        } else {
            LOG.error("No audit signing key (CONTACT_AUDIT_SIGNING_KEY): tree heads are not signed, not ready");
        }
        every(config.audit().integrityCheckEvery(), "check the trail's integrity", integrity::check);
        every(config.audit().purgeEvery(), "purge entries past retention", retention::purge);
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    private void every(Duration period, String what, Runnable task) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not %s; will try again in %s", what, period);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }
}
