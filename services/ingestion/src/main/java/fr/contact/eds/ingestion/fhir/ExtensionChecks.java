package fr.contact.eds.ingestion.fhir;

import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * The CONTACT extensions the mapper reads, checked before it reads them: HAPI throws on an extension given twice
 * and hands back a null for one without value, and either would end the intake in a server error.
 */
final class ExtensionChecks {

    private ExtensionChecks() {}

    /** An extension CONTACT reads appears at most once where it is read: which of two would count? */
    static void onceEach(Resource resource, String path, List<IntakeIssue> issues) {
        if (resource instanceof DomainResource domain) {
            onceEach(domain.getExtension(), path, issues);
        }
        if (resource instanceof Patient patient) {
            for (int i = 0; i < patient.getAddress().size(); i++) {
                onceEach(patient.getAddress().get(i).getExtension(), path + ".address[" + i + "]", issues);
            }
        }
    }

    /** The extensions of a patient that identity and territory read each need a value. */
    static boolean valuesRead(Patient patient, String patientPath, List<IntakeIssue> issues) {
        boolean complete = hasValue(patient.getExtensionByUrl(FhirSystems.EXT_BIRTH_PLACE_INSEE),
                patientPath + ".extension('" + FhirSystems.EXT_BIRTH_PLACE_INSEE + "')", issues);
        for (int i = 0; i < patient.getAddress().size(); i++) {
            complete &= hasValue(patient.getAddress().get(i).getExtensionByUrl(FhirSystems.EXT_INSEE_COMMUNE),
                    patientPath + ".address[" + i + "].extension('" + FhirSystems.EXT_INSEE_COMMUNE + "')", issues);
        }
        return complete;
    }

    private static void onceEach(List<Extension> extensions, String path, List<IntakeIssue> issues) {
        extensions.stream().map(Extension::getUrl).filter(url -> url != null && url.startsWith(FhirSystems.CONTACT))
                .collect(Collectors.groupingBy(url -> url, Collectors.counting())).forEach((url, count) -> {
                    if (count > 1) {
                        issues.add(IntakeIssue.error("structure", path + ".extension('" + url + "')",
                                "This extension appears " + count + " times; CONTACT reads one"));
                    }
                });
    }

    private static boolean hasValue(Extension extension, String path, List<IntakeIssue> issues) {
        if (extension != null && (extension.getValue() == null || extension.getValue().primitiveValue() == null)) {
            issues.add(IntakeIssue.error("required", path + ".value", "This extension needs a value"));
            return false;
        }
        return true;
    }
}
