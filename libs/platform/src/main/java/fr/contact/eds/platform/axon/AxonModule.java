package fr.contact.eds.platform.axon;

import java.util.List;
import org.axonframework.config.Configurer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * What a service contributes to Axon: aggregates, event handlers, upcasters. Declare it as a CDI bean;
 * the platform collects every module before starting Axon.
 */
public interface AxonModule {

    void configure(Configurer configurer);

    default List<EventUpcaster> upcasters() {
        return List.of();
    }
}
