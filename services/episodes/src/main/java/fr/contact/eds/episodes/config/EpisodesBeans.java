package fr.contact.eds.episodes.config;

import fr.contact.eds.episodes.query.EpisodeProjection;
import fr.contact.eds.platform.axon.AxonModule;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.async.SequentialPolicy;

public class EpisodesBeans {

    /**
     * One sequence for the whole projection: an opposition and the episodes it hides are never applied
     * concurrently, so neither can miss the other.
     */
    @Produces
    @Singleton
    AxonModule episodesModule(EpisodeProjection projection) {
        return (Configurer configurer) -> configurer.eventProcessing().registerEventHandler(c -> projection)
                .registerSequencingPolicy(EpisodeProjection.PROCESSOR, c -> new SequentialPolicy());
    }
}
