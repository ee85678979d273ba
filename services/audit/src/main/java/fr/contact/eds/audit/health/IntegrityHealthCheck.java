package fr.contact.eds.audit.health;

import fr.contact.eds.audit.query.AuditAlerts;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * DOWN while a change attempt or an integrity violation stands ({@code /q/health/group/audit-integrity}). Apart from
 * readiness on purpose: a tampered store is an incident to investigate, not a reason to stop serving the trail.
 */
@HealthGroup("audit-integrity")
@ApplicationScoped
public class IntegrityHealthCheck implements HealthCheck {

    @Inject
    AuditAlerts alerts;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("audit-integrity");
        var current = alerts.current();
        if (alerts.checkedAt() != null) {
            response.withData("checkedAt", alerts.checkedAt().toString());
        }
        response.withData("alerts", current.size());
        for (int i = 0; i < Math.min(current.size(), 10); i++) {
            var alert = current.get(i);
            response.withData("alert" + (i + 1), alert.at() + " " + alert.kind() + ": " + alert.detail());
        }
        return current.isEmpty() ? response.up().build() : response.down().build();
    }
}
