package fr.contact.eds.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "contact")
public interface IngestionConfig {

    Ingestion ingestion();

    interface Ingestion {

        /** Largest bundle body accepted, in bytes. */
        @WithDefault("10485760")
        int maxBundleBytes();

        /**
         * How long intake waits for the opposition gate to have seen every consent decision committed before the
         * bundle arrived; past it the bundle is refused (503) rather than stored unchecked.
         */
        @WithDefault("2s")
        Duration consentGateWait();

        /**
         * The départements each association covers, by association id ({@code
         * contact.ingestion.territories.sos-paris=75}): where an episode's care happened when its bundle holds no
         * Location in France and the patient does not live in the territory (a walk-in patient from abroad).
         */
        Map<String, List<String>> territories();
    }
}
