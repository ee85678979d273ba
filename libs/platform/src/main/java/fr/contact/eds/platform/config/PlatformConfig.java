package fr.contact.eds.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "contact")
public interface PlatformConfig {

    /** This service's name, as it appears in access records and probes. */
    String service();

    EventStore eventStore();

    ReadModel readModel();

    Processors processors();

    Crypto crypto();

    interface Crypto {

        /**
         * The master key (32 bytes, base64) that wraps each patient's key for personal data in events; from a secret
         * (CONTACT_MASTER_KEY), the same in every service. Without it the service runs but is not ready, and says why.
         */
        Optional<String> masterKey();
    }

    interface EventStore {

        /** Database holding the shared event store (all services write and read it). */
        @WithDefault("contact-events")
        String database();

        /** Fallback polling period when no change stream wakes the readers. */
        @WithDefault("100ms")
        Duration fetchDelay();

        @WithDefault("100")
        int batchSize();

        /**
         * How often the log head is checked for other processes' commits, besides change streams (which the
         * embedded store of the local runtime does not offer): bounds cross-service delivery delay there.
         */
        @WithDefault("50ms")
        Duration pollEvery();
    }

    interface ReadModel {

        /** This service's own database: read models, tokens, dead letters. */
        String database();
    }

    interface Processors {

        @WithDefault("2")
        int segments();

        /** Readiness goes DOWN when a processor is further than this many events behind the head. */
        @WithDefault("10000")
        long maxLag();

        @WithDefault("100")
        int batchSize();
    }
}
