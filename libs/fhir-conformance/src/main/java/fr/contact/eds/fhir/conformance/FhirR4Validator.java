package fr.contact.eds.fhir.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI FHIR's own validator against the R4 base specification (structure definitions, invariants, value sets
 * bound in the spec), shared by every test; building it loads the spec once.
 */
public final class FhirR4Validator {

    private static final FhirValidator VALIDATOR = create();

    private FhirR4Validator() {}

    /** Every error or fatal message for a FHIR JSON resource, one line each (location: message). */
    public static List<String> errors(String json) {
        return errors(json, null);
    }

    /**
     * As {@link #errors(String)}, except the one error saying that a claimed profile under {@code unloadedProfiles}
     * (a canonical URL prefix) could not be checked: for an implementation guide whose package is not available
     * to load, the caller checks that guide's rules itself and says so. Every other error still counts.
     */
    public static List<String> errors(String json, String unloadedProfiles) {
        return VALIDATOR.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .filter(m -> unloadedProfiles == null || !unloaded(m.getMessage(), unloadedProfiles))
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
    }

    /** HAPI says it twice: the validator found no such profile, and the claimed profile cannot be retrieved. */
    private static boolean unloaded(String message, String unloadedProfiles) {
        return message.contains(unloadedProfiles)
                && (message.endsWith("could not be found") || message.contains("Failed to retrieve profile"));
    }

    private static FhirValidator create() {
        FhirContext context = FhirContext.forR4Cached();
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        return context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }
}
