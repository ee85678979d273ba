package fr.contact.eds.platform.probe;

import fr.contact.eds.platform.axon.AxonModule;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.config.Configurer;

@Singleton
public class DeliveryProbeModule implements AxonModule {

    @Inject
    DeliveryProbeProjection projection;

    @Override
    public void configure(Configurer configurer) {
        configurer.eventProcessing().registerEventHandler(c -> projection);
    }
}
