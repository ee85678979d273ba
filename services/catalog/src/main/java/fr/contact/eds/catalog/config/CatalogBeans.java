package fr.contact.eds.catalog.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import fr.contact.eds.catalog.datasets.DatasetCatalogue;
import fr.contact.eds.catalog.datasets.DatasetRdf;
import fr.contact.eds.catalog.extracts.ExtractJobs;
import fr.contact.eds.catalog.projects.ProjectProjection;
import fr.contact.eds.catalog.projects.Projects;
import fr.contact.eds.catalog.projects.ResearchProject;
import fr.contact.eds.catalog.register.PublicStatistics;
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
    Projects projects(MongoClient mongo, PlatformConfig config, ObjectMapper json) {
        return new Projects(mongo.getDatabase(config.readModel().database()).getCollection(PROJECTS), json);
    }

    @Produces
    @Singleton
    DatasetCatalogue datasetCatalogue(MongoClient mongo, PlatformConfig config) {
        return new DatasetCatalogue(mongo.getDatabase(config.readModel().database()), Clock.systemUTC());
    }

    @Produces
    @Singleton
    DatasetRdf datasetRdf(CatalogConfig catalog) {
        return new DatasetRdf(catalog.contactEmail());
    }

    @Produces
    @Singleton
    PublicStatistics publicStatistics(MongoClient mongo, PlatformConfig config) {
        return new PublicStatistics(mongo.getDatabase(config.readModel().database()));
    }

    /** Extracts are built one at a time, in the background; the request answers at once with the job. */
    @Produces
    @Singleton
    ExtractJobs extractJobs(MongoClient mongo, PlatformConfig config, CatalogConfig catalog, ProjectionBarrier barrier,
            EventStore eventStore) {
        return new ExtractJobs(mongo.getDatabase(config.readModel().database()), barrier, catalog.consentWait(),
                projectId -> new ProjectPseudonyms(Base64.getDecoder().decode(config.crypto().masterKey()
                        .orElseThrow(() -> new IllegalStateException("No master key: set CONTACT_MASTER_KEY"))
                        .strip()), projectId),
                records -> eventStore.publish(records.stream().<EventMessage<?>>map(
                        GenericEventMessage::asEventMessage).toList()),
                Executors.newSingleThreadExecutor(r -> new Thread(r, "catalog-extracts")), Clock.systemUTC());
    }

    @Produces
    @Singleton
    AxonModule catalogModule(MongoClient mongo, PlatformConfig config, ObjectMapper json) {
        ProjectProjection projects = new ProjectProjection(
                mongo.getDatabase(config.readModel().database()).getCollection(PROJECTS), json);
        ResearchProjection research = new ResearchProjection(mongo.getDatabase(config.readModel().database()));
        return (Configurer configurer) -> {
            configurer.configureAggregate(ResearchProject.class);
            configurer.eventProcessing().registerEventHandler(c -> projects).registerEventHandler(c -> research);
        };
    }
}
