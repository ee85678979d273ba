package fr.contact.eds.ingestion.fhir;

/** One problem with a bundle, as it goes into an OperationOutcome issue. */
public record IntakeIssue(String severity, String code, String expression, String diagnostics) {

    public static IntakeIssue error(String code, String expression, String diagnostics) {
        return new IntakeIssue("error", code, expression, diagnostics);
    }
}
