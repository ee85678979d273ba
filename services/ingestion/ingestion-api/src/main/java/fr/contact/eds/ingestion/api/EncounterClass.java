package fr.contact.eds.ingestion.api;

/** FHIR v3 ActCode encounter classes used in unscheduled care. */
public enum EncounterClass {

    HOME_VISIT("HH"), CONSULTATION("AMB"), TELECONSULTATION("VR"), EMERGENCY("EMER");

    private final String fhirCode;

    EncounterClass(String fhirCode) {
        this.fhirCode = fhirCode;
    }

    public String fhirCode() {
        return fhirCode;
    }
}
