package fr.contact.eds.consent.decisions;

import fr.contact.eds.platform.api.PatientPseudonym;

/**
 * What a patient or the DPO office is handed back: the decision in force and the event-store position it is at or
 * before, which any service can be asked to have passed before it answers (read-your-writes).
 */
public record Receipt(PatientPseudonym patientPseudonym, Decision decision, long position) {}
