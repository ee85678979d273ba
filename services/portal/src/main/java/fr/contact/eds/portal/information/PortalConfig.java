package fr.contact.eds.portal.information;

import io.smallrye.config.ConfigMapping;

/** Who patients write to: the data protection officer's postal and e-mail addresses, set per deployment. */
@ConfigMapping(prefix = "contact.portal")
public interface PortalConfig {

    String dpoAddress();

    String dpoEmail();
}
