package fr.contact.eds.audit.proofs;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** An audit service that cannot sign its tree heads proves nothing: not ready, saying why. */
@Readiness
@ApplicationScoped
public class SigningKeyHealthCheck implements HealthCheck {

    private final TreeHeads heads;

    public SigningKeyHealthCheck(TreeHeads heads) {
        this.heads = heads;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("audit-signing-key");
        if (heads.canSign()) {
            return response.up().build();
        }
        return response.down().withData("reason",
                "No Ed25519 signing key: set CONTACT_AUDIT_SIGNING_KEY (base64 PKCS#8) from a secret").build();
    }
}
