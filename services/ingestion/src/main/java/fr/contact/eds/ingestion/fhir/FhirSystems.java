package fr.contact.eds.ingestion.fhir;

import java.util.Set;

/** Code systems and extensions intake understands; the CONTACT ones are documented in the service README. */
public final class FhirSystems {

    public static final String INS_NIR = "urn:oid:1.2.250.1.213.1.4.8";
    public static final String ICPC2 = "http://hl7.org/fhir/sid/icpc-2";
    public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    public static final String CIM10_FR = "https://smt.esante.gouv.fr/terminologie-cim-10";
    /** France is a SNOMED CT member; OMOP's standard condition vocabulary is SNOMED. */
    public static final String SNOMED_CT = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    /** NUBC patient discharge status, as US systems (Synthea among them) code a discharge. */
    public static final String NUBC_DISCHARGE = "http://www.nubc.org/patient-discharge";
    public static final String ENCOUNTER_CLASS = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public static final String DISCHARGE_DISPOSITION = "http://terminology.hl7.org/CodeSystem/discharge-disposition";

    static final String CONTACT = "https://contact-eds.fr/fhir/";
    /** Communication.category / Task.code: "call", "dispatch", "gp-handoff". */
    public static final String CONTACT_EVENT = CONTACT + "CodeSystem/sos-event";
    /** Discharge disposition code "emergency-department" (HL7's value set has none). */
    public static final String CONTACT_DISPOSITION = CONTACT + "CodeSystem/disposition";
    /** Organization.identifier of a CONTACT association; its value is the association claim of the sender's token. */
    public static final String ASSOCIATION = CONTACT + "NamingSystem/association";
    /** Bundle.meta.source of a sending association: this, then its identifier. */
    public static final String ASSOCIATION_SOURCE = CONTACT + "association/";
    public static final String EXT_TRIAGE_PRIORITY = CONTACT + "StructureDefinition/triage-priority";
    public static final String EXT_REGULATION_DECISION = CONTACT + "StructureDefinition/regulation-decision";
    public static final String EXT_ARRIVAL_TIME = CONTACT + "StructureDefinition/arrival-time";
    public static final String EXT_INSEE_COMMUNE = CONTACT + "StructureDefinition/insee-commune";
    public static final String EXT_BIRTH_PLACE_INSEE = CONTACT + "StructureDefinition/birth-place-insee";

    public static final Set<String> DIAGNOSIS_SYSTEMS = Set.of(ICPC2, ICD10, CIM10_FR, SNOMED_CT);

    private FhirSystems() {}
}
