package fr.contact.eds.ingestion.config;

import fr.contact.eds.ingestion.gate.OppositionGate;
import fr.contact.eds.ingestion.intake.AssociationTerritories;
import fr.contact.eds.ingestion.intake.BundleBatchHandler;
import fr.contact.eds.ingestion.intake.BundleIntake;
import fr.contact.eds.platform.axon.AxonModule;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.config.Configurer;

public class IngestionBeans {

    @Produces
    @Singleton
    @Startup
    AssociationTerritories territories(IngestionConfig config) {
        return AssociationTerritories.of(config.ingestion().territories());
    }

    @Produces
    @Singleton
    AxonModule ingestionModule(OppositionGate oppositions) {
        return (Configurer configurer) -> {
            configurer.configureAggregate(BundleIntake.class)
                    .registerCommandHandler(c -> new BundleBatchHandler(c.repository(BundleIntake.class)));
            configurer.eventProcessing().registerEventHandler(c -> oppositions);
        };
    }
}
