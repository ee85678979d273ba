package fr.contact.eds.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The keys patients are pseudonymised with, shared by ingestion, consent and audit. */
@ConfigMapping(prefix = "contact.pseudonymisation")
public interface PseudonymisationConfig {

    /**
     * Versioned HMAC keys, "version:base64secret" separated by commas, from a secret (CONTACT_PSEUDONYMISATION_KEYS).
     */
    Optional<String> keys();

    /** The version new pseudonyms are made with. */
    @WithDefault("1")
    int currentVersion();
}
