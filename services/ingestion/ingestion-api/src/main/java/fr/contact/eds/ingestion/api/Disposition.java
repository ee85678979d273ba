package fr.contact.eds.ingestion.api;

/** How a care episode ended (FHIR Encounter.hospitalization.dischargeDisposition, mapped). */
public enum Disposition {
    HOME, EMERGENCY_DEPARTMENT, HOSPITALISATION, DEATH, OTHER
}
