package fr.contact.eds.portal.audit;

import fr.contact.eds.portal.web.ServiceUnavailable;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The patient's own access trail; a trail that does not answer is a "try again" page, never an empty list. */
@Singleton
public class Audit {

    static final int PAGE_SIZE = 20;

    private final AuditApi api;

    public Audit(@RestClient AuditApi api) {
        this.api = api;
    }

    public AccessesPage accesses(String cursor) {
        return ServiceUnavailable.whenCalling("audit",
                () -> api.accesses(cursor == null || cursor.isBlank() ? null : cursor, PAGE_SIZE));
    }
}
