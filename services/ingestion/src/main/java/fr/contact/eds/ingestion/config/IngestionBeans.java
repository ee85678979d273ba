package fr.contact.eds.ingestion.config;

import ca.uhn.fhir.context.FhirContext;
import fr.contact.eds.ingestion.command.BundleBatchHandler;
import fr.contact.eds.ingestion.command.BundleIntake;
import fr.contact.eds.platform.axon.AxonModule;
import fr.contact.eds.pseudonymisation.Pseudonymiser;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.Configurer;

public class IngestionBeans {

    @Produces
    @Singleton
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }

    @Produces
    @Singleton
    Pseudonymiser pseudonymiser(IngestionConfig config) {
        Map<Integer, byte[]> keys = new HashMap<>();
        for (String entry : config.pseudonymisation().keys().split(",")) {
            String[] parts = entry.strip().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalStateException("contact.pseudonymisation.keys: expected version:base64secret");
            }
            keys.put(Integer.parseInt(parts[0].strip()), Base64.getDecoder().decode(parts[1].strip()));
        }
        return new Pseudonymiser(keys, config.pseudonymisation().currentVersion());
    }

    @Produces
    @Singleton
    AxonModule ingestionModule() {
        return (Configurer configurer) -> configurer.configureAggregate(BundleIntake.class)
                .registerCommandHandler(c -> new BundleBatchHandler(c.repository(BundleIntake.class)));
    }
}
