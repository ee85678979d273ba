package fr.contact.eds.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "contact.catalog")
public interface CatalogConfig {

    /** How many CSE members must give an opinion (one of them a patient representative) before the CSE decides. */
    @WithDefault("3")
    int cseQuorum();

    /** How long an extract waits for the consent state to reach its request position before failing closed. */
    @WithDefault("5s")
    Duration consentWait();

    /** The data office's mailbox, published as the contact point of the catalogue and of every dataset. */
    @WithDefault("donnees@contact-eds.fr")
    String contactEmail();
}
