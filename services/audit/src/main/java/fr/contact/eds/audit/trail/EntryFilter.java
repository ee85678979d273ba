package fr.contact.eds.audit.trail;

import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.conversions.Bson;

/** What the DPO narrows the trail to; every criterion is optional, all given ones must hold. */
public record EntryFilter(List<String> patientPseudonyms, String actorSubject, String actorRole, String organisation,
        String purpose, String action, Instant from, Instant to) {

    public static EntryFilter ofPatients(List<String> patientPseudonyms) {
        return new EntryFilter(patientPseudonyms, null, null, null, null, null, null, null);
    }

    Bson toBson() {
        List<Bson> criteria = new ArrayList<>();
        if (patientPseudonyms != null && !patientPseudonyms.isEmpty()) {
            criteria.add(Filters.in("patientPseudonyms", patientPseudonyms));
        }
        equal(criteria, "actorSubject", actorSubject);
        equal(criteria, "actorRole", actorRole);
        equal(criteria, "organisation", organisation);
        equal(criteria, "purpose", purpose);
        equal(criteria, "action", action);
        if (from != null) {
            criteria.add(Filters.gte("occurredAt", Date.from(from)));
        }
        if (to != null) {
            criteria.add(Filters.lt("occurredAt", Date.from(to)));
        }
        return criteria.isEmpty() ? Filters.empty() : Filters.and(criteria);
    }

    private static void equal(List<Bson> criteria, String field, String value) {
        if (value != null && !value.isBlank()) {
            criteria.add(Filters.eq(field, value));
        }
    }
}
