package fr.contact.eds.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class RequiredSecretsHealthCheckTest {

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void namesTheVariableOfEachMissingSecret() {
        assertThat(RequiredSecretsHealthCheck.missing(config(Map.of("contact.pseudonymisation.current-version", "1",
                "contact.crypto.master-key", " ")))).hasSize(2)
                .anySatisfy(m -> assertThat(m).startsWith("CONTACT_MASTER_KEY (contact.crypto.master-key)"))
                .anySatisfy(m -> assertThat(m).startsWith("CONTACT_PSEUDONYMISATION_KEYS"));
    }

    @Test
    void asksForPseudonymisationKeysOnlyWhereTheServicePseudonymises() {
        assertThat(RequiredSecretsHealthCheck.missing(config(Map.of("contact.crypto.master-key", "a2V5")))).isEmpty();
        assertThat(RequiredSecretsHealthCheck.missing(config(Map.of("contact.crypto.master-key", "a2V5",
                "contact.pseudonymisation.current-version", "1", "contact.pseudonymisation.keys", "1:a2V5"))))
                .isEmpty();
    }
}
