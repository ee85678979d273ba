package fr.contact.eds.platform.crypto;

import fr.contact.eds.platform.axon.AxonModule;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.config.Configurer;

@Singleton
public class CryptoModule implements AxonModule {

    @Inject
    KeyErasures erasures;

    @Override
    public void configure(Configurer configurer) {
        configurer.eventProcessing().registerEventHandler(c -> erasures);
    }
}
