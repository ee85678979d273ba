package fr.contact.eds.platform.probe;

import fr.contact.eds.platform.axon.AxonModule;
import jakarta.inject.Singleton;
import org.axonframework.config.Configurer;

@Singleton
public class DeliveryProbeModule implements AxonModule {

    private final DeliveryProbeProjection projection;

    public DeliveryProbeModule(DeliveryProbeProjection projection) {
        this.projection = projection;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.eventProcessing().registerEventHandler(c -> projection);
    }
}
