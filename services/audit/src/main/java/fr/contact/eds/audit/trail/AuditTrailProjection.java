package fr.contact.eds.audit.trail;

import fr.contact.eds.platform.api.AccessRecordedEvent;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Appends every access event to the trail, in event-store order, one batch per unit of work (one write per batch,
 * before the processor's token moves). The trail is append-only: a replay of this processor appends nothing again.
 */
@ProcessingGroup(AuditTrailProjection.PROCESSOR)
public class AuditTrailProjection {

    public static final String PROCESSOR = "audit-trail";
    private static final String PENDING = AuditTrailProjection.class.getName() + ".pending";

    private final AuditLog log;

    public AuditTrailProjection(AuditLog log) {
        this.log = log;
    }

    @EventHandler
    void on(AccessRecordedEvent event, ReplayStatus status) {
        if (status.isReplay()) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            log.append(List.of(event));
            return;
        }
        List<AccessRecordedEvent> pending = CurrentUnitOfWork.get().root().getOrComputeResource(PENDING, key -> {
            CurrentUnitOfWork.get().root().onPrepareCommit(u -> log.append(u.getResource(PENDING)));
            return new ArrayList<>();
        });
        pending.add(event);
    }
}
