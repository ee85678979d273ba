package fr.contact.eds.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "contact")
public interface AuditConfig {

    Audit audit();

    interface Audit {

        /** The trail's database, on the MongoDB of {@code quarkus.mongodb.audit} (CONTACT_AUDIT_MONGODB_URI). */
        @WithDefault("contact-audit-trail")
        String database();

        /**
         * Ed25519 private key signing tree heads, base64 PKCS#8 (CONTACT_AUDIT_SIGNING_KEY). Without it the service
         * is not ready: an unsigned trail proves nothing.
         */
        Optional<String> signingKey();

        /** How often a new tree head is signed when the trail has grown. */
        @WithDefault("60s")
        Duration treeHeadEvery();

        /** How often the stored entries are checked against the hashes and the last signed head. */
        @WithDefault("10m")
        Duration integrityCheckEvery();

        /** Entries older than this many months are purged (allowed: 6 to 36). */
        @WithDefault("12")
        int retentionMonths();

        @WithDefault("1h")
        Duration purgeEvery();

        /** Whether patients see the subject of the staff account that read their data, not only its role. */
        @WithDefault("false")
        boolean showStaffSubjects();
    }
}
