package fr.contact.eds.ingestion.intake.rest;

import ca.uhn.fhir.context.FhirContext;
import fr.contact.eds.ingestion.api.BundleAcceptedEvent;
import fr.contact.eds.ingestion.intake.IntakeResult;
import fr.contact.eds.ingestion.intake.IntakeService;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * FHIR R4 intake: an association posts a Bundle (transaction, batch or collection) and gets a
 * {@code *-response} Bundle once its events are durably appended, or an OperationOutcome naming each
 * problem, in which case nothing of the bundle is stored. The same bundle sent again answers the same.
 */
@Path("/fhir")
@RolesAllowed(Roles.ASSOCIATION)
public class FhirIntakeResource {

    private final FhirContext fhir;
    private final IntakeService intake;
    private final CurrentActor currentActor;

    public FhirIntakeResource(FhirContext fhir, IntakeService intake, CurrentActor currentActor) {
        this.fhir = fhir;
        this.intake = intake;
        this.currentActor = currentActor;
    }

    @POST
    @Consumes({OperationOutcomes.FHIR_JSON, "application/json"})
    @Produces(OperationOutcomes.FHIR_JSON)
    public Response accept(byte[] body) {
        IntakeResult result = intake.take(currentActor.get(), body);
        if (result instanceof IntakeResult.Refused refused) {
            return OperationOutcomes.respond(fhir, refused.status(), refused.issues());
        }
        return answer(((IntakeResult.Accepted) result).accepted());
    }

    private Response answer(BundleAcceptedEvent accepted) {
        Bundle response = new Bundle().setType("transaction".equals(accepted.bundleType())
                ? Bundle.BundleType.TRANSACTIONRESPONSE
                : Bundle.BundleType.BATCHRESPONSE);
        for (int i = 0; i < accepted.entryUsed().size(); i++) {
            var entry = response.addEntry().getResponse();
            if (accepted.entryUsed().get(i)) {
                entry.setStatus("201 Created");
            } else {
                OperationOutcome ignored = new OperationOutcome();
                ignored.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                        .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                        .setDiagnostics(accepted.noteOn(i) != null ? accepted.noteOn(i)
                                : "Resource type not used by CONTACT: counted, not stored");
                entry.setStatus("200 OK").setOutcome(ignored);
            }
        }
        return Response.ok(fhir.newJsonParser().encodeResourceToString(response), OperationOutcomes.FHIR_JSON).build();
    }
}
