package fr.contact.eds.consent.api;

import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;

/**
 * A patient's personal data was erased by crypto-shredding: {@code keysDestroyed} keys, and with them every copy
 * of the data they protected, in the store and in backups.
 */
public record PatientDataErasedEvent(PatientPseudonym patientPseudonym, String reference, Instant erasedAt,
        DecisionOrigin origin, int keysDestroyed) {}
