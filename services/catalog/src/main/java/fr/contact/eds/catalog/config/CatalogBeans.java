package fr.contact.eds.catalog.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import fr.contact.eds.catalog.command.ResearchProject;
import fr.contact.eds.catalog.query.DatasetCatalogue;
import fr.contact.eds.catalog.query.ProjectProjection;
import fr.contact.eds.catalog.query.Projects;
import fr.contact.eds.catalog.query.ResearchProjection;
import fr.contact.eds.platform.axon.AxonModule;
import fr.contact.eds.platform.config.PlatformConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.axonframework.config.Configurer;

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
