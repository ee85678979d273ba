package fr.contact.eds.ingestion.fhir;

import static fr.contact.eds.ingestion.fhir.FhirSystems.CONTACT_EVENT;

import fr.contact.eds.ingestion.api.Code;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;

/** Values read off FHIR elements the way every part of the mapping reads them. */
final class FhirValues {

    private FhirValues() {}

    static String eventKind(List<CodeableConcept> concepts) {
        return concepts.stream().flatMap(c -> c.getCoding().stream())
                .filter(c -> CONTACT_EVENT.equals(c.getSystem())).map(Coding::getCode)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** Codings with system and code only: displays and texts may carry anything and are dropped. */
    static List<Code> codes(CodeableConcept concept) {
        return concept.getCoding().stream()
                .filter(c -> c.hasSystem() && c.hasCode())
                .map(c -> new Code(c.getSystem(), c.getCode()))
                .toList();
    }

    static Instant instant(BaseDateTimeType value) {
        return value == null || value.getValue() == null ? null : value.getValue().toInstant();
    }

    static Instant extensionInstant(DomainResource resource, String url) {
        Extension extension = resource.getExtensionByUrl(url);
        return extension != null && extension.getValue() instanceof BaseDateTimeType dateTime ? instant(dateTime)
                : null;
    }

    static String extensionCode(DomainResource resource, String url) {
        Extension extension = resource.getExtensionByUrl(url);
        return extension == null || extension.getValue() == null ? null : extension.getValue().primitiveValue();
    }
}
