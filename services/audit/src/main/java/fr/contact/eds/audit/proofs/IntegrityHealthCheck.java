package fr.contact.eds.audit.proofs;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * DOWN while an integrity violation stands ({@code /q/health/group/audit-integrity}). Apart from readiness on
 * purpose: a tampered store is an incident to investigate, not a reason to stop serving the trail. Unauthenticated,
 * so it shows counts only; who tried what is for the DPO ({@code GET /audit/alerts}).
 */
@HealthGroup("audit-integrity")
@ApplicationScoped
public class IntegrityHealthCheck implements HealthCheck {

    private final AuditAlerts alerts;

    public IntegrityHealthCheck(AuditAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("audit-integrity");
        if (alerts.checkedAt() != null) {
            response.withData("checkedAt", alerts.checkedAt().toString());
        }
        int violations = alerts.integrityViolations().size();
        response.withData("integrityViolations", violations)
                .withData("changeAttempts", alerts.changeAttempts().total());
        return violations == 0 ? response.up().build() : response.down().build();
    }
}
