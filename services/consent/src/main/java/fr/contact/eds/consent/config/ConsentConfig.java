package fr.contact.eds.consent.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "contact.pseudonymisation")
public interface ConsentConfig {

    /** Versioned HMAC keys shared with ingestion, "version:base64secret" separated by commas, from a secret. */
    String keys();

    /** The version new pseudonyms are made with. */
    int currentVersion();
}
