package fr.contact.eds.ingestion.intake.rest;

import ca.uhn.fhir.context.FhirContext;
import fr.contact.eds.ingestion.fhir.IntakeIssue;
import fr.contact.eds.platform.rest.Problem;
import fr.contact.eds.platform.rest.RefusalDialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Under {@code /fhir} a refusal is what a FHIR client reads: the platform's problem said as an OperationOutcome with
 * the same status and wording, whoever refuses (a resource, the security layer, or the HTTP layer for a route
 * nobody serves or a body over the limit).
 */
@ApplicationScoped
public class FhirRefusalDialect implements RefusalDialect {

    private final FhirContext fhir;

    @Inject
    public FhirRefusalDialect(FhirContext fhir) {
        this.fhir = fhir;
    }

    @Override
    public Optional<Said> say(String path, Problem problem) {
        if (path == null || !(path.equals("/fhir") || path.startsWith("/fhir/"))) {
            return Optional.empty();
        }
        // A problem's field here names a header (Authorization, Accept, Content-Type), not an element: no FHIRPath.
        return Optional.of(new Said(OperationOutcomes.FHIR_JSON, OperationOutcomes.encode(fhir,
                List.of(new IntakeIssue("error", issueType(problem.status()), null, problem.detail())))));
    }

    private static String issueType(int status) {
        return switch (status) {
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405, 406, 415 -> "not-supported";
            case 413 -> "too-costly";
            case 400 -> "structure";
            default -> "exception";
        };
    }
}
