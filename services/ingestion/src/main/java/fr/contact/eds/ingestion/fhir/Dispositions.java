package fr.contact.eds.ingestion.fhir;

import static fr.contact.eds.ingestion.fhir.FhirSystems.CONTACT_DISPOSITION;
import static fr.contact.eds.ingestion.fhir.FhirSystems.DISCHARGE_DISPOSITION;
import static fr.contact.eds.ingestion.fhir.FhirSystems.NUBC_DISCHARGE;

import fr.contact.eds.ingestion.api.Disposition;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** Where the patient went after the encounter, from HL7's discharge dispositions, NUBC's or CONTACT's own. */
final class Dispositions {

    private static final Set<String> NUBC_HOME = Set.of("01", "06");
    private static final Set<String> NUBC_DEATH = Set.of("20", "40", "41", "42");
    /** Transfers to a hospital, a rehabilitation, long-term care, psychiatric or critical access hospital. */
    private static final Set<String> NUBC_HOSPITAL = Set.of("02", "05", "09", "43", "62", "63", "65", "66", "70");

    private Dispositions() {}

    /** Empty when no coding is from a system read here (the caller says so if there was a coding at all). */
    static Optional<Disposition> of(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            String code = String.valueOf(coding.getCode());
            if (CONTACT_DISPOSITION.equals(coding.getSystem()) && "emergency-department".equals(code)) {
                return Optional.of(Disposition.EMERGENCY_DEPARTMENT);
            }
            if (DISCHARGE_DISPOSITION.equals(coding.getSystem())) {
                return Optional.of(switch (code) {
                    case "home", "alt-home" -> Disposition.HOME;
                    case "exp" -> Disposition.DEATH;
                    case "hosp", "other-hcf", "rehab", "snf", "psy", "long" -> Disposition.HOSPITALISATION;
                    default -> Disposition.OTHER;
                });
            }
            if (NUBC_DISCHARGE.equals(coding.getSystem()) && code.matches("\\d{1,2}")) {
                // NUBC codes are two digits; some senders drop the leading zero ("1" for "01").
                String nubc = code.length() == 1 ? "0" + code : code;
                return Optional.of(NUBC_HOME.contains(nubc) ? Disposition.HOME
                        : NUBC_DEATH.contains(nubc) ? Disposition.DEATH
                                : NUBC_HOSPITAL.contains(nubc) ? Disposition.HOSPITALISATION : Disposition.OTHER);
            }
        }
        return Optional.empty();
    }

    static String understood() {
        return DISCHARGE_DISPOSITION + ", " + NUBC_DISCHARGE + " or " + CONTACT_DISPOSITION;
    }
}
