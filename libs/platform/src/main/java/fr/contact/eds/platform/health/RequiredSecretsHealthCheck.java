package fr.contact.eds.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A service missing one of its secrets starts, but is not ready, and says which one: easier to act on than a pod
 * that crashes at start. The master key is needed everywhere; the pseudonymisation keys wherever the service
 * pseudonymises (it then declares {@code contact.pseudonymisation.current-version}).
 */
@Readiness
@ApplicationScoped
public class RequiredSecretsHealthCheck implements HealthCheck {

    private static final Map<String, String> ALWAYS = Map.of("contact.crypto.master-key", "CONTACT_MASTER_KEY");

    private final Config config;

    public RequiredSecretsHealthCheck(Config config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        List<String> missing = missing(config);
        var response = HealthCheckResponse.named("required-secrets");
        if (missing.isEmpty()) {
            return response.up().build();
        }
        return response.down().withData("missing", String.join(", ", missing)).build();
    }

    static List<String> missing(Config config) {
        List<String> missing = new ArrayList<>();
        ALWAYS.forEach((property, variable) -> check(config, property, variable, missing));
        if (config.getOptionalValue("contact.pseudonymisation.current-version", String.class).isPresent()) {
            check(config, "contact.pseudonymisation.keys", "CONTACT_PSEUDONYMISATION_KEYS", missing);
        }
        return missing;
    }

    private static void check(Config config, String property, String variable, List<String> missing) {
        if (config.getOptionalValue(property, String.class).filter(v -> !v.isBlank()).isEmpty()) {
            missing.add(variable + " (" + property + ") is not set: give it from the deployment's Secret");
        }
    }
}
