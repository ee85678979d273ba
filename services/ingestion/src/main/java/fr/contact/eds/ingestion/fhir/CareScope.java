package fr.contact.eds.ingestion.fhir;

import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;

/**
 * Which encounters of a bundle are unscheduled primary care, the only care CONTACT keeps. A whole EHR export also
 * holds hospital stays and planned preventive visits: those are answered as not taken in, entry by entry, and the
 * rest of the bundle is kept, rather than the bundle being refused for holding them.
 */
final class CareScope {

    /** v3 ActCode encounter classes of hospital care (HL7's ActEncounterCode), with what to call them. */
    private static final Map<String, String> HOSPITAL_CLASSES = Map.of("IMP", "an inpatient stay", "ACUTE",
            "an inpatient acute stay", "NONAC", "an inpatient non-acute stay", "SS", "a short stay", "PRENC",
            "a pre-admission", "OBSENC", "an observation stay", "FLD", "a field encounter");

    /** SNOMED CT encounter types of planned preventive care, as EHRs (Synthea among them) type wellness visits. */
    private static final Map<String, String> PREVENTIVE_TYPES = Map.of("410620009", "a well child visit",
            "162673000", "a general examination", "185349003", "a check-up", "698314001",
            "a consultation for a treatment plan");

    private CareScope() {}

    /** Why {@code encounter} is not unscheduled primary care, if it is not. */
    static Optional<String> outside(Encounter encounter) {
        String kind = HOSPITAL_CLASSES.get(encounter.getClass_().getCode());
        if (kind == null) {
            kind = encounter.getType().stream().flatMap(t -> t.getCoding().stream())
                    .filter(c -> FhirSystems.SNOMED_CT.equals(c.getSystem())).map(Coding::getCode)
                    .map(PREVENTIVE_TYPES::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        return Optional.ofNullable(kind)
                .map(k -> "Encounter outside unscheduled care (" + k + "): counted, not stored");
    }

    /** The answer for a resource that belongs to such an encounter. */
    static String belongsOutside() {
        return "Belongs to an encounter outside unscheduled care: counted, not stored";
    }
}
