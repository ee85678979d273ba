package fr.contact.eds.catalog.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import fr.contact.eds.catalog.datasets.DatasetCatalogue;
import fr.contact.eds.catalog.datasets.DatasetRdf;
import fr.contact.eds.catalog.extracts.ExtractJobs;
import fr.contact.eds.catalog.projects.ProjectProjection;
import fr.contact.eds.catalog.projects.Projects;
import fr.contact.eds.catalog.projects.ResearchProject;
import fr.contact.eds.catalog.warehouse.ResearchProjection;
import fr.contact.eds.platform.axon.AxonModule;
import fr.contact.eds.platform.config.PlatformConfig;
import fr.contact.eds.platform.consistency.ProjectionBarrier;
import fr.contact.eds.pseudonymisation.ProjectPseudonyms;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.Executors;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

public class CatalogBeans {

    static final String PROJECTS = "projects";

    @Produces
    @Singleton
    Projects projects(MongoDatabase readModel, ObjectMapper json) {
        return new Projects(readModel.getCollection(PROJECTS), json);
    }

    @Produces
    @Singleton
    DatasetCatalogue datasetCatalogue(MongoDatabase readModel) {
        return new DatasetCatalogue(readModel, Clock.systemUTC());
    }

    @Produces
    @Singleton
    DatasetRdf datasetRdf(CatalogConfig catalog) {
        return new DatasetRdf(catalog.contactEmail());
    }

    /** Extracts are built one at a time, in the background; the request answers at once with the job. */
    @Produces
    @Singleton
    ExtractJobs extractJobs(MongoDatabase readModel, PlatformConfig config, CatalogConfig catalog,
            ProjectionBarrier barrier,
            EventStore eventStore) {
        return new ExtractJobs(readModel, barrier, catalog.consentWait(),
                projectId -> new ProjectPseudonyms(Base64.getDecoder().decode(config.crypto().masterKey()
                        .orElseThrow(() -> new IllegalStateException("No master key: set CONTACT_MASTER_KEY"))
                        .strip()), projectId),
                records -> eventStore.publish(records.stream().<EventMessage<?>>map(
                        GenericEventMessage::asEventMessage).toList()),
                Executors.newSingleThreadExecutor(r -> new Thread(r, "catalog-extracts")), Clock.systemUTC());
    }

    @Produces
    @Singleton
    AxonModule catalogModule(MongoDatabase readModel, ObjectMapper json) {
        ProjectProjection projects = new ProjectProjection(readModel.getCollection(PROJECTS), json);
        ResearchProjection research = new ResearchProjection(readModel);
        return (Configurer configurer) -> {
            configurer.configureAggregate(ResearchProject.class);
            configurer.eventProcessing().registerEventHandler(c -> projects).registerEventHandler(c -> research);
        };
    }
}
