package fr.contact.eds.audit.trail.rest;

import fr.contact.eds.audit.config.AuditConfig;
import fr.contact.eds.audit.trail.AuditEntries;
import fr.contact.eds.audit.trail.AuditEntry;
import fr.contact.eds.audit.trail.EntryFilter;
import fr.contact.eds.audit.trail.EntryPage;
import fr.contact.eds.patientidentity.TokenIdentity;
import fr.contact.eds.platform.access.Access;
import fr.contact.eds.platform.access.AccessRecorder;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.pseudonymisation.Pseudonymiser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A patient's own view of who accessed their data, when and why: roles and organisations, not the people behind
 * staff accounts (unless {@code contact.audit.show-staff-subjects}). Found under every pseudonym the patient's
 * identity has had, so key rotation hides nothing.
 */
@Path("/patients/me/accesses")
@RolesAllowed(Roles.PATIENT)
@Produces(MediaType.APPLICATION_JSON)
public class PatientAccessResource {

    public record AccessView(Instant occurredAt, String role, String organisation, String purpose, String action,
            String resourceKind, String service, String outcome, String actor) {}

    public record AccessesPage(List<AccessView> accesses, String next) {}

    private final JsonWebToken token;
    private final Pseudonymiser pseudonymiser;
    private final AuditEntries entries;
    private final AccessRecorder accessRecorder;
    private final CurrentActor currentActor;
    private final AuditConfig config;

    public PatientAccessResource(JsonWebToken token, Pseudonymiser pseudonymiser, AuditEntries entries,
            AccessRecorder accessRecorder, CurrentActor currentActor, AuditConfig config) {
        this.token = token;
        this.pseudonymiser = pseudonymiser;
        this.entries = entries;
        this.accessRecorder = accessRecorder;
        this.currentActor = currentActor;
        this.config = config;
    }

    @GET
    public AccessesPage mine(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        EntryParams paging = new EntryParams();
        paging.cursor = cursor;
        paging.limit = limit;
        List<String> mine = PatientPseudonym.values(pseudonymiser.everyPseudonymOf(TokenIdentity.of(token)));
        Long after = paging.cursor();
        int size = paging.limit(EntryParams.MAX_LIMIT);
        EntryPage page = accessRecorder.reveal(currentActor.get(),
                new Access(Roles.PATIENT, "own access history", AccessAction.READ, "AuditEntry"),
                () -> entries.search(EntryFilter.ofPatients(mine), after, size), p -> concerning(p, mine));
        return new AccessesPage(page.entries().stream().map(this::view).toList(), page.next());
    }

    private AccessView view(AuditEntry e) {
        boolean staff = !Roles.PATIENT.equals(e.actorRole());
        String actor = staff && !config.audit().showStaffSubjects() ? null : e.actorSubject();
        return new AccessView(e.occurredAt(), e.actorRole(), e.organisation(), e.purpose(), e.action(),
                e.resourceKind(), e.service(), e.outcome(), actor);
    }

    /** The access to record names this patient only, not the others an entry may also name. */
    private static Set<String> concerning(EntryPage page, List<String> mine) {
        Set<String> found = new LinkedHashSet<>();
        page.entries().forEach(e -> e.patientPseudonyms().stream().filter(mine::contains).forEach(found::add));
        return found;
    }
}
