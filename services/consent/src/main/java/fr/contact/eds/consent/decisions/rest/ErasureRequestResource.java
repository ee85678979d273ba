package fr.contact.eds.consent.decisions.rest;

import fr.contact.eds.consent.api.Channel;
import fr.contact.eds.consent.decisions.ConsentDecisions;
import fr.contact.eds.consent.decisions.ConsentDecisions.Requester;
import fr.contact.eds.consent.decisions.Guardianship;
import fr.contact.eds.consent.decisions.Receipt;
import fr.contact.eds.consent.erasure.ErasureRequests;
import fr.contact.eds.consent.erasure.ErasureRequests.ErasureRequest;
import fr.contact.eds.consent.erasure.NoPendingErasureException;
import fr.contact.eds.patientidentity.IdentityInput;
import fr.contact.eds.platform.axon.Failures;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.platform.text.BoundedText;
import fr.contact.eds.pseudonymisation.PatientIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Erasure requests parents made online for a minor child: the DPO office erases once the parent's letter brings
 * proof of parental authority, or refuses, saying why. The reference is what the letter quotes.
 */
@Path("/dpo-office/erasure-requests")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DPO_OFFICE)
public class ErasureRequestResource {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final Set<String> STATUSES = Set.of("pending", "confirmed", "refused");

    private final ConsentDecisions decisions;
    private final ErasureRequests requests;
    private final CurrentActor currentActor;

    public ErasureRequestResource(ConsentDecisions decisions, ErasureRequests requests, CurrentActor currentActor) {
        this.decisions = decisions;
        this.requests = requests;
        this.currentActor = currentActor;
    }

    /** A request as listed: no identity, no pseudonym. */
    public record RequestView(String reference, String status, Instant requestedAt, Instant decidedAt,
            String erasureReference, String reason) {

        static RequestView of(ErasureRequest r) {
            return new RequestView(r.reference(), r.status(), r.requestedAt(), r.decidedAt(), r.erasureReference(),
                    r.reason());
        }
    }

    /** The parent's letter: the child, the parent who holds parental authority, and the letter's reference. */
    public record Confirmation(IdentityInput patient, IdentityInput guardian, String letterReference) {}

    public record Refusal(String reason, String letterReference) {}

    @GET
    public List<RequestView> list(@QueryParam("status") @DefaultValue("pending") String status) {
        if (!STATUSES.contains(status)) {
            throw ProblemException.badRequest("status", "status is one of pending, confirmed, refused");
        }
        return requests.withStatus(status).stream().map(RequestView::of).toList();
    }

    @POST
    @Path("/{reference}/confirmation")
    public Response confirm(@PathParam("reference") String reference, Confirmation letter) {
        ErasureRequest request = pending(reference);
        if (letter == null || letter.patient() == null) {
            throw ProblemException.badRequest("patient", "The child's identity, as the letter gives it, is required");
        }
        if (letter.guardian() == null) {
            throw ProblemException.badRequest("guardian", "The parent's identity is required: erasing a child's "
                    + "data needs proof of parental authority");
        }
        String letterReference = letterReference(letter.letterReference());
        Guardianship.requireMinor(letter.patient(), "patient", LocalDate.now(FRANCE));
        PatientIdentity child = letter.patient().toIdentity("patient");
        if (!decisions.patientPseudonymOf(child).equals(request.patientPseudonym())) {
            throw new ProblemException(409, "Conflict", "The child named in the letter is not the one request "
                    + reference + " is about", "patient");
        }
        Requester requester = new Requester(currentActor.get(), Roles.DPO_OFFICE, Channel.POST,
                Optional.of(letter.guardian().toIdentity("guardian")), letterReference);
        Receipt receipt = stillPending(reference, () -> decisions.confirmErasureRequest(requester, child, reference));
        return ReceiptView.ofErasure(receipt, true).created();
    }

    @POST
    @Path("/{reference}/refusal")
    public RequestView refuse(@PathParam("reference") String reference, Refusal refusal) {
        ErasureRequest request = pending(reference);
        String reason = required("reason", refusal == null ? null : refusal.reason(), BoundedText.FREE_TEXT, true,
                "Say why the request is refused: the parent is told");
        String letterReference = refusal.letterReference() == null ? null
                : letterReference(refusal.letterReference());
        Requester requester = new Requester(currentActor.get(), Roles.DPO_OFFICE, Channel.POST, Optional.empty(),
                letterReference);
        Receipt receipt = stillPending(reference, () -> decisions.refuseErasureRequest(requester,
                request.patientPseudonym(), reference, reason));
        return new RequestView(reference, "refused", request.requestedAt(), receipt.decision().effectiveAt(), null,
                reason);
    }

    private ErasureRequest pending(String reference) {
        ErasureRequest request = requests.byReference(reference).orElseThrow(() -> ProblemException.notFound(
                "No erasure request " + reference));
        if (!"pending".equals(request.status())) {
            throw new ProblemException(409, "Conflict", "Erasure request " + reference + " was already "
                    + request.status(), null);
        }
        return request;
    }

    private static String letterReference(String given) {
        return required("letterReference", given, BoundedText.ONE_LINE, false,
                "The reference of the parent's letter is required");
    }

    private static String required(String field, String value, int maxLength, boolean multiline, String missing) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, missing);
        }
        BoundedText.problem(field, value, maxLength, multiline).ifPresent(problem -> {
            throw ProblemException.badRequest(field, problem);
        });
        return value.strip();
    }

    /** Decided meanwhile (another DPO office agent, or online): a conflict, not a 500. */
    private static Receipt stillPending(String reference, Supplier<Receipt> decision) {
        try {
            return decision.get();
        } catch (RuntimeException e) {
            if (Failures.causedBy(e, NoPendingErasureException.class)) {
                throw new ProblemException(409, "Conflict", "Erasure request " + reference
                        + " is no longer pending", null);
            }
            throw e;
        }
    }
}
