package fr.contact.eds.ingestion.intake.rest;

import ca.uhn.fhir.context.FhirContext;
import fr.contact.eds.ingestion.fhir.IntakeIssue;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** FHIR OperationOutcome answers, one issue per problem with the FHIRPath of the faulty element. */
final class OperationOutcomes {

    static final String FHIR_JSON = "application/fhir+json";
    /** A 503 here is the consent gate catching up: seconds, not minutes. */
    private static final int RETRY_AFTER_SECONDS = 2;

    private OperationOutcomes() {}

    static Response respond(FhirContext fhir, int status, List<IntakeIssue> issues) {
        Response.ResponseBuilder response = Response.status(status).type(FHIR_JSON).entity(encode(fhir, issues));
        if (status == 503) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    static String encode(FhirContext fhir, List<IntakeIssue> issues) {
        OperationOutcome outcome = new OperationOutcome();
        for (IntakeIssue issue : issues) {
            var added = outcome.addIssue().setSeverity(IssueSeverity.fromCode(issue.severity()))
                    .setCode(IssueType.fromCode(issue.code())).setDiagnostics(issue.diagnostics());
            if (issue.expression() != null) {
                added.addExpression(issue.expression());
            }
        }
        return fhir.newJsonParser().encodeResourceToString(outcome);
    }

    static Response respond(FhirContext fhir, int status, String code, String expression, String diagnostics) {
        return respond(fhir, status, List.of(new IntakeIssue("error", code, expression, diagnostics)));
    }
}
