package fr.contact.eds.audit.proofs.rest;

import fr.contact.eds.audit.proofs.AuditAlerts;
import fr.contact.eds.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The DPO's alerts: integrity violations of the stored trail, and who tried to change it (CNIL: alert on it). */
@Path("/audit/alerts")
public class AuditAlertResource {

    /** What the last integrity check found, and this instance's change attempts. */
    public record AlertsView(Instant checkedAt, List<AuditAlerts.Alert> integrityViolations,
            AuditAlerts.ChangeAttempts changeAttempts) {}

    private final AuditAlerts alerts;

    @Inject
    public AuditAlertResource(AuditAlerts alerts) {
        this.alerts = alerts;
    }

    @GET
    @RolesAllowed(Roles.DPO)
    @Produces(MediaType.APPLICATION_JSON)
    public AlertsView alerts() {
        return new AlertsView(alerts.checkedAt(), alerts.integrityViolations(), alerts.changeAttempts());
    }
}
