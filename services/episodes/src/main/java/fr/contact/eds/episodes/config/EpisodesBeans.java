package fr.contact.eds.episodes.config;

import com.mongodb.client.MongoClient;
import fr.contact.eds.episodes.query.EpisodeProjection;
import fr.contact.eds.episodes.query.EpisodeSequencing;
import fr.contact.eds.episodes.query.EpisodeSlots;
import fr.contact.eds.episodes.query.ProjectPermits;
import fr.contact.eds.episodes.query.ResearchIdentifiers;
import fr.contact.eds.platform.axon.AxonModule;
import fr.contact.eds.platform.config.PlatformConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfigurer;

public class EpisodesBeans {

    @Produces
    @Singleton
    ResearchIdentifiers researchIdentifiers(MongoClient mongo, PlatformConfig config) {
        return new ResearchIdentifiers(mongo.getDatabase(config.readModel().database()));
    }

    @Produces
    @Singleton
    AxonModule episodesModule(EpisodeSlots slots, ProjectPermits permits) {
        return (Configurer configurer) -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (EpisodeProjection projection : slots.projections()) {
                processing.registerEventHandler(c -> projection)
                        .assignHandlerInstancesMatching(projection.slot(), Integer.MAX_VALUE,
                                handler -> handler == projection)
                        .registerSequencingPolicy(projection.slot(), c -> new EpisodeSequencing());
            }
            processing.registerEventHandler(c -> permits);
        };
    }
}
