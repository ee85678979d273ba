package fr.contact.eds.portal.datasets;

import io.quarkus.qute.TemplateExtension;
import java.util.Map;

/**
 * Short names for the controlled values a dataset description carries as IRIs, so a person reads "LOINC", not
 * "http://loinc.org". An IRI without a short name is shown as it is.
 */
@TemplateExtension
public class Vocabularies {

    private static final Map<String, String> CODING_SYSTEMS = Map.of("http://hl7.org/fhir/sid/icpc-2", "ICPC-2",
            "http://hl7.org/fhir/sid/icd-10", "CIM-10 / ICD-10", "http://www.whocc.no/atc", "ATC",
            "http://loinc.org", "LOINC", "http://snomed.info/sct", "SNOMED CT", "http://unitsofmeasure.org", "UCUM");

    private Vocabularies() {}

    static String codingSystem(String iri) {
        return CODING_SYSTEMS.getOrDefault(iri, iri);
    }

    /** The last segment of an EU authority IRI: PUBLIC, RESTRICTED, NON_PUBLIC, HEAL… */
    static String code(String iri) {
        return iri == null ? null : iri.substring(iri.lastIndexOf('/') + 1);
    }
}
