package fr.contact.eds.platform.crypto;

import fr.contact.eds.platform.axon.AxonModule;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;

/**
 * Every instance forgets erased keys, not only the one holding a shared processor's segment: the cache is per
 * instance, so its eviction runs in a processor of the instance's own, from the log's head when the instance starts
 * (its cache is empty then), with its position kept in memory.
 */
@Singleton
public class CryptoModule implements AxonModule {

    private final KeyErasures erasures;
    private final String processor = KeyErasures.PROCESSOR + "@" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    public CryptoModule(KeyErasures erasures) {
        this.erasures = erasures;
    }

    /** This instance's own processor name. */
    public String processor() {
        return processor;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.eventProcessing().registerEventHandler(c -> erasures)
                .assignHandlerInstancesMatching(processor, Integer.MAX_VALUE, handler -> handler == erasures)
                .registerTokenStore(processor, c -> new InMemoryTokenStore())
                .registerPooledStreamingEventProcessorConfiguration(processor,
                        (c, builder) -> builder.initialSegmentCount(1)
                                .initialToken(source -> source.createHeadToken()));
    }
}
