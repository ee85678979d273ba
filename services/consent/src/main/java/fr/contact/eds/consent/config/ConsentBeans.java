package fr.contact.eds.consent.config;

import com.mongodb.client.MongoClient;
import fr.contact.eds.consent.decisions.PatientConsent;
import fr.contact.eds.consent.decisions.PseudonymIndex;
import fr.contact.eds.consent.erasure.ErasureRequests;
import fr.contact.eds.consent.projects.KnownProjects;
import fr.contact.eds.platform.axon.AxonModule;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.config.PlatformConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.config.Configurer;

public class ConsentBeans {

    @Produces
    @Singleton
    KnownProjects knownProjects(MongoClient mongo, PlatformConfig config) {
        return new KnownProjects(mongo.getDatabase(config.readModel().database()));
    }

    @Produces
    @Singleton
    ErasureRequests erasureRequests(MongoClient mongo, PlatformConfig config, Instance<AxonRuntime> axon) {
        // The runtime is built from the modules, this projection's among them: its event store is looked up later.
        return new ErasureRequests(mongo.getDatabase(config.readModel().database()),
                () -> axon.get().configuration().eventStore());
    }

    @Produces
    @Singleton
    AxonModule consentModule(PseudonymIndex index, KnownProjects projects, ErasureRequests requests) {
        return (Configurer configurer) -> {
            configurer.configureAggregate(PatientConsent.class);
            configurer.eventProcessing().registerEventHandler(c -> index).registerEventHandler(c -> projects)
                    .registerEventHandler(c -> requests);
        };
    }
}
