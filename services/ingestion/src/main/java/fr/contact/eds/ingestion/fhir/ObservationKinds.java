package fr.contact.eds.ingestion.fhir;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;

/**
 * Which Observations intake keeps, and as what: a quantity of category {@code laboratory} is a laboratory result,
 * one of category {@code vital-signs} (or of no category, as associations' software sends them) a vital sign.
 * Surveys, social history and answers without a quantity are answered as not used.
 */
final class ObservationKinds {

    static final String LABORATORY = "laboratory";
    static final String VITAL_SIGNS = "vital-signs";

    private ObservationKinds() {}

    /** The HL7 observation category, laboratory first when an Observation has both; null when it has neither. */
    static String categoryOf(Observation observation) {
        String found = null;
        for (var concept : observation.getCategory()) {
            for (Coding coding : concept.getCoding()) {
                if (FhirSystems.OBSERVATION_CATEGORY.equals(coding.getSystem()) && coding.hasCode()) {
                    if (LABORATORY.equals(coding.getCode())) {
                        return LABORATORY;
                    }
                    found = found == null || !VITAL_SIGNS.equals(found) ? coding.getCode() : found;
                }
            }
        }
        return found;
    }

    /** Why the Observation is not kept, or null when it is. */
    static String notUsed(Observation observation, String category) {
        if (category != null && !LABORATORY.equals(category) && !VITAL_SIGNS.equals(category)) {
            return "Observation of category " + category + ": counted, not stored";
        }
        if (!observation.hasValueQuantity()) {
            return "Observation without a quantity (a component panel or a coded answer): counted, not stored";
        }
        return null;
    }
}
