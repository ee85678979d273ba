package fr.contact.eds.consent.decisions.rest;

import ca.uhn.fhir.context.FhirContext;
import fr.contact.eds.consent.api.Channel;
import fr.contact.eds.consent.decisions.ConsentDecisions;
import fr.contact.eds.consent.decisions.ConsentDecisions.Requester;
import fr.contact.eds.consent.decisions.ConsentStatus;
import fr.contact.eds.consent.decisions.Guardianship;
import fr.contact.eds.consent.decisions.Receipt;
import fr.contact.eds.patientidentity.IdentityInput;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.pseudonymisation.PatientIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The DPO office registers what patients asked by post: the same decisions as online, with the letter's
 * reference, and a parent's letter for a minor child. Identities travel in request bodies, never in URLs (which
 * end up in logs).
 */
@Path("/dpo-office")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DPO_OFFICE)
public class DpoOfficeConsentResource {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final ConsentDecisions decisions;
    private final CurrentActor currentActor;
    private final FhirContext fhir;

    public DpoOfficeConsentResource(ConsentDecisions decisions, CurrentActor currentActor, FhirContext fhir) {
        this.decisions = decisions;
        this.currentActor = currentActor;
        this.fhir = fhir;
    }

    /** A letter: whose data it is about, the guardian who wrote it for a minor child if so, and its reference. */
    public record Letter(IdentityInput patient, IdentityInput guardian, String letterReference) {}

    public record Lookup(IdentityInput patient) {}

    @POST
    @Path("/oppositions")
    public Response oppose(Letter letter) {
        return ReceiptView.of(decide(letter, decisions::oppose), letter.guardian() != null).created();
    }

    @POST
    @Path("/withdrawals")
    public ReceiptView withdraw(Letter letter) {
        return ReceiptView.of(decide(letter, decisions::withdraw), letter.guardian() != null);
    }

    @POST
    @Path("/erasures")
    public Response erase(Letter letter) {
        return ReceiptView.ofErasure(decide(letter, decisions::erase), letter.guardian() != null).created();
    }

    @POST
    @Path("/consent-status")
    public StatusView status(Lookup lookup) {
        return StatusView.of(statusOf(lookup));
    }

    @POST
    @Path("/consent-status")
    @Produces(ConsentFhir.FHIR_JSON)
    public String statusAsFhir(Lookup lookup) {
        return ConsentFhir.json(fhir, statusOf(lookup));
    }

    private ConsentStatus statusOf(Lookup lookup) {
        if (lookup == null || lookup.patient() == null) {
            throw ProblemException.badRequest("patient", "The patient's identity is required");
        }
        return decisions.statusOf(currentActor.get(), Roles.DPO_OFFICE, lookup.patient().toIdentity("patient"));
    }

    /** The letter is checked whole before anything is decided on it. */
    private Receipt decide(Letter letter, BiFunction<Requester, PatientIdentity, Receipt> decision) {
        PatientIdentity patient = patient(letter);
        return decision.apply(requester(letter), patient);
    }

    private PatientIdentity patient(Letter letter) {
        if (letter == null || letter.patient() == null) {
            throw ProblemException.badRequest("patient", "The patient's identity is required");
        }
        if (letter.letterReference() == null || letter.letterReference().isBlank()) {
            throw ProblemException.badRequest("letterReference", "The reference of the patient's letter is required");
        }
        if (letter.guardian() != null) {
            Guardianship.requireMinor(letter.patient(), "patient", LocalDate.now(FRANCE));
        }
        return letter.patient().toIdentity("patient");
    }

    private Requester requester(Letter letter) {
        Optional<PatientIdentity> guardian = Optional.ofNullable(letter.guardian())
                .map(g -> g.toIdentity("guardian"));
        return new Requester(currentActor.get(), Roles.DPO_OFFICE, Channel.POST, guardian,
                letter.letterReference().strip());
    }
}
