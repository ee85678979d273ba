package fr.contact.eds.episodes.config;

import fr.contact.eds.episodes.episodes.EpisodeProjection;
import fr.contact.eds.episodes.episodes.EpisodeSequencing;
import fr.contact.eds.episodes.episodes.EpisodeSlots;
import fr.contact.eds.episodes.research.ProjectPermits;
import fr.contact.eds.platform.axon.AxonModule;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfigurer;

public class EpisodesBeans {

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
