package fr.contact.eds.consent.config;

import com.mongodb.client.MongoDatabase;
import fr.contact.eds.consent.decisions.PatientConsent;
import fr.contact.eds.consent.decisions.PseudonymIndex;
import fr.contact.eds.consent.erasure.ErasureRequests;
import fr.contact.eds.consent.projects.KnownProjects;
import fr.contact.eds.platform.axon.AxonModule;
import fr.contact.eds.platform.axon.AxonRuntime;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.config.Configurer;

public class ConsentBeans {

    @Produces
    @Singleton
    ErasureRequests erasureRequests(MongoDatabase readModel, Instance<AxonRuntime> axon) {
        // The runtime is built from the modules, this projection's among them: its event store is looked up later.
        return new ErasureRequests(readModel, () -> axon.get().configuration().eventStore());
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
