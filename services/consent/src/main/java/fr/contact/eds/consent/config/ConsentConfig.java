package fr.contact.eds.consent.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "contact.pseudonymisation")
public interface ConsentConfig {

    /** Versioned HMAC keys shared with ingestion, "version:base64secret" separated by commas, from a secret. */
    Optional<String> keys();

    /** The version new pseudonyms are made with. */
    int currentVersion();
}
