package fr.contact.eds.platform.config;

import fr.contact.eds.pseudonymisation.Pseudonymiser;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The Pseudonymiser, built one way for every service, so that a patient has the same pseudonym in each. */
public class PseudonymiserProducer {

    @Produces
    @Singleton
    Pseudonymiser pseudonymiser(PseudonymisationConfig config) {
        return Pseudonymiser.fromSecret(config.keys(), config.currentVersion());
    }
}
