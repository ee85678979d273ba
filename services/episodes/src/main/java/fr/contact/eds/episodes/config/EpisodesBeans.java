package fr.contact.eds.episodes.config;

import com.mongodb.client.MongoClient;
import fr.contact.eds.episodes.query.EpisodeProjection;
import fr.contact.eds.episodes.query.EpisodeSequencing;
import fr.contact.eds.episodes.query.ProjectPermits;
import fr.contact.eds.episodes.query.ResearchIdentifiers;
import fr.contact.eds.platform.axon.AxonModule;
import fr.contact.eds.platform.config.PlatformConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.config.Configurer;

public class EpisodesBeans {

    @Produces
    @Singleton
    ResearchIdentifiers researchIdentifiers(MongoClient mongo, PlatformConfig config) {
        return new ResearchIdentifiers(mongo.getDatabase(config.readModel().database()));
    }

    @Produces
    @Singleton
    AxonModule episodesModule(EpisodeProjection projection, ProjectPermits permits) {
        return (Configurer configurer) -> configurer.eventProcessing().registerEventHandler(c -> projection)
                .registerSequencingPolicy(EpisodeProjection.PROCESSOR, c -> new EpisodeSequencing())
                .registerEventHandler(c -> permits);
    }
}
