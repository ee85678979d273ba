package fr.contact.eds.portal.audit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** One page of the accesses to a patient's data, newest first; {@code next} is the cursor of the following page. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessesPage(List<Access> accesses, String next) {

    public AccessesPage {
        accesses = accesses == null ? List.of() : List.copyOf(accesses);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Access(Instant occurredAt, String role, String organisation, String purpose, String action,
            String service, String outcome) {}
}
