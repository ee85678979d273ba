package fr.contact.eds.platform;

import fr.contact.eds.platform.api.DeliveryProbeSentEvent;
import fr.contact.eds.platform.axon.AxonModule;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.Configurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/** A test projection that fails on probes sent by "poison" for as long as {@code failing} is set. */
@Singleton
@ProcessingGroup(PoisonProjection.PROCESSOR)
public class PoisonProjection implements AxonModule {

    static final String PROCESSOR = "poison-test";
    static volatile boolean failing = true;
    static final List<String> handled = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(DeliveryProbeSentEvent event) {
        if (failing && event.sentBy().equals("poison")) {
            throw new IllegalStateException("cannot digest " + event.probeId());
        }
        handled.add(event.probeId());
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.eventProcessing().registerEventHandler(c -> this);
    }
}
