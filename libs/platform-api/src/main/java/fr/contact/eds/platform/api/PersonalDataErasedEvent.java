package fr.contact.eds.platform.api;

import java.time.Instant;
import java.util.List;

/**
 * The keys of a patient's personal data were destroyed: every service forgets any copy of them it holds, and
 * from then on reads that data as erased.
 */
public record PersonalDataErasedEvent(List<String> subjectKeyIds, Instant erasedAt) {

    public PersonalDataErasedEvent {
        subjectKeyIds = List.copyOf(subjectKeyIds);
    }
}
