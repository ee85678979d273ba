package fr.contact.eds.consent.decisions.rest;

import ca.uhn.fhir.context.FhirContext;
import fr.contact.eds.consent.api.Channel;
import fr.contact.eds.consent.decisions.ConsentDecisions;
import fr.contact.eds.consent.decisions.ConsentDecisions.Requester;
import fr.contact.eds.consent.decisions.ConsentStatus;
import fr.contact.eds.consent.decisions.Guardianship;
import fr.contact.eds.consent.decisions.Receipt;
import fr.contact.eds.consent.projects.KnownProjects;
import fr.contact.eds.patientidentity.IdentityInput;
import fr.contact.eds.patientidentity.TokenIdentity;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.pseudonymisation.PatientIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A patient's own rights, online: oppose the reuse of their data (or of their minor child's: the child's identity
 * in the body, theirs in the token), withdraw, and see their status and history. No reason is asked.
 */
@Path("/patients/me")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PATIENT)
public class PatientConsentResource {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final ConsentDecisions decisions;
    private final CurrentActor currentActor;
    private final JsonWebToken token;
    private final FhirContext fhir;
    private final KnownProjects knownProjects;

    public PatientConsentResource(ConsentDecisions decisions, CurrentActor currentActor, JsonWebToken token,
            FhirContext fhir, KnownProjects knownProjects) {
        this.decisions = decisions;
        this.currentActor = currentActor;
        this.token = token;
        this.fhir = fhir;
        this.knownProjects = knownProjects;
    }

    /** Empty, or {@code child} when a parent or legal guardian acts for a minor child. */
    public record ForWhom(IdentityInput child) {}

    @POST
    @Path("/oppositions")
    public Response oppose(ForWhom body) {
        boolean forAChild = forAChild(body);
        Receipt receipt = decisions.oppose(requester(forAChild), patient(body));
        return ReceiptView.of(receipt, forAChild).created();
    }

    @POST
    @Path("/withdrawals")
    public ReceiptView withdraw(ForWhom body) {
        boolean forAChild = forAChild(body);
        return ReceiptView.of(decisions.withdraw(requester(forAChild), patient(body)), forAChild);
    }

    @POST
    @Path("/erasures")
    public Response erase(ForWhom body) {
        boolean forAChild = forAChild(body);
        PatientIdentity patient = patient(body);
        if (forAChild) {
            // Irreversible, and on someone else's behalf: only with verified proof of parental authority, which an
            // online session cannot give. The request waits for the DPO office; the child is opposed meanwhile.
            return ReceiptView.ofErasureRequest(decisions.requestErasure(requester(true), patient)).accepted();
        }
        Receipt receipt = decisions.erase(requester(false), patient);
        return ReceiptView.ofErasure(receipt, false).created();
    }

    @GET
    @Path("/consent")
    public StatusView status() {
        return StatusView.of(ownStatus());
    }

    @GET
    @Path("/consent")
    @Produces(ConsentFhir.FHIR_JSON)
    public String statusAsFhir() {
        return ConsentFhir.json(fhir, ownStatus());
    }

    private ConsentStatus ownStatus() {
        return decisions.statusOf(currentActor.get(), Roles.PATIENT, TokenIdentity.of(token));
    }

    /**
     * A parent or legal guardian reads the status of their minor child (POST: the child's identity is in the body,
     * never in a URL). Recorded as an access by the guardian.
     */
    @POST
    @Path("/child-consent")
    public StatusView childStatus(ForWhom body) {
        return StatusView.of(childHistory(body));
    }

    /** The same, as FHIR Consents (the guardian appears as the RelatedPerson who decided). */
    @POST
    @Path("/child-consent")
    @Produces(ConsentFhir.FHIR_JSON)
    public String childStatusAsFhir(ForWhom body) {
        return ConsentFhir.json(fhir, childHistory(body));
    }

    private ConsentStatus childHistory(ForWhom body) {
        if (!forAChild(body)) {
            throw ProblemException.badRequest("child", "The child's identity is required");
        }
        return decisions.statusOf(currentActor.get(), Roles.PATIENT, patient(body));
    }

    /** One project from the transparency portal; {@code child} when a parent acts for a minor child. */
    public record ProjectDecisionInput(String projectId, IdentityInput child) {

        ForWhom forWhom() {
            return new ForWhom(child);
        }
    }

    @POST
    @Path("/project-oppositions")
    public Response opposeProject(ProjectDecisionInput body) {
        String title = knownProject(body);
        boolean forAChild = forAChild(body.forWhom());
        Receipt receipt = decisions.opposeProject(requester(forAChild), patient(body.forWhom()), body.projectId());
        return ReceiptView.ofProject(receipt, forAChild, body.projectId(), title).created();
    }

    @POST
    @Path("/project-withdrawals")
    public ReceiptView withdrawProject(ProjectDecisionInput body) {
        String title = knownProject(body);
        boolean forAChild = forAChild(body.forWhom());
        return ReceiptView.ofProject(decisions.withdrawProject(requester(forAChild), patient(body.forWhom()),
                body.projectId()), forAChild, body.projectId(), title);
    }

    /** The project's title, if it is on the transparency portal's list; 404 otherwise. */
    private String knownProject(ProjectDecisionInput body) {
        if (body == null || body.projectId() == null || body.projectId().isBlank()) {
            throw ProblemException.badRequest("projectId", "Which project? Give its id from the transparency portal");
        }
        return knownProjects.title(body.projectId()).orElseThrow(() -> ProblemException.notFound(
                "No project " + body.projectId() + " on the transparency portal"));
    }

    private static boolean forAChild(ForWhom body) {
        return body != null && body.child() != null;
    }

    private PatientIdentity patient(ForWhom body) {
        if (!forAChild(body)) {
            return TokenIdentity.of(token);
        }
        Guardianship.requireMinor(body.child(), "child", LocalDate.now(FRANCE));
        return body.child().toIdentity("child");
    }

    private Requester requester(boolean forAChild) {
        Optional<PatientIdentity> guardian = forAChild ? Optional.of(TokenIdentity.of(token)) : Optional.empty();
        return new Requester(currentActor.get(), Roles.PATIENT, Channel.ONLINE, guardian, null);
    }
}
