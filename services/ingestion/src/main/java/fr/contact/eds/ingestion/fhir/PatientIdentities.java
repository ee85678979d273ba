package fr.contact.eds.ingestion.fhir;

import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.pseudonymisation.InvalidIdentityException;
import fr.contact.eds.pseudonymisation.PatientIdentity;
import fr.contact.eds.pseudonymisation.Pseudonymiser;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * Who a FHIR Patient is, as pseudonymisation needs it: the INS when the bundle has it, else the identity traits;
 * every pseudonym they may have opposed under; the sex kept in clear. Nothing else of the Patient leaves here.
 */
final class PatientIdentities {

    private PatientIdentities() {}

    static PatientIdentity identity(Patient patient) {
        for (Identifier identifier : patient.getIdentifier()) {
            if (FhirSystems.INS_NIR.equals(identifier.getSystem()) && identifier.hasValue()) {
                return PatientIdentity.withIns(identifier.getValue());
            }
        }
        return traits(patient);
    }

    /**
     * Every pseudonym the patient may have opposed under: their identity under every key version and, when intake
     * knows them by INS, their traits too (an opposition registered by traits, say by post, still applies).
     */
    static List<PatientPseudonym> knownAs(Pseudonymiser pseudonymiser, PatientIdentity identity, Patient patient) {
        List<PatientPseudonym> all = new ArrayList<>(pseudonymiser.everyPseudonymOf(identity));
        if (identity.qualifiedIns().isPresent()) {
            try {
                all.addAll(pseudonymiser.everyPseudonymOf(traits(patient)));
            } catch (InvalidIdentityException e) {
                // Incomplete traits alongside an INS: the INS alone identifies the patient.
            }
        }
        return all;
    }

    static PatientIdentity traits(Patient patient) {
        HumanName name = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElse(patient.getNameFirstRep());
        return PatientIdentity.withTraits(name.getFamily(), name.getGivenAsSingleString(),
                patient.getBirthDateElement().getValueAsCalendar().toZonedDateTime().toLocalDate(),
                identitySex(patient), FhirValues.extensionCode(patient, FhirSystems.EXT_BIRTH_PLACE_INSEE));
    }

    static PatientIdentity.Sex identitySex(Patient patient) {
        if (patient.getGender() == null) {
            return PatientIdentity.Sex.UNKNOWN;
        }
        return switch (patient.getGender()) {
            case MALE -> PatientIdentity.Sex.MALE;
            case FEMALE -> PatientIdentity.Sex.FEMALE;
            case OTHER -> PatientIdentity.Sex.OTHER;
            default -> PatientIdentity.Sex.UNKNOWN;
        };
    }

    static String sex(Patient patient) {
        return switch (identitySex(patient)) {
            case MALE -> "M";
            case FEMALE -> "F";
            case OTHER -> "O";
            case UNKNOWN -> "U";
        };
    }

    static String fhirPath(String field) {
        return switch (field) {
            case "qualifiedIns" -> "identifier";
            case "familyName" -> "name.family";
            case "givenName" -> "name.given";
            case "commune", "postalCode" -> "address";
            default -> field;
        };
    }
}
