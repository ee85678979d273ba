package fr.contact.eds.episodes.rest;

import fr.contact.eds.episodes.query.Episode;
import fr.contact.eds.episodes.query.EpisodeFilter;
import fr.contact.eds.episodes.query.EpisodePage;
import fr.contact.eds.episodes.query.EpisodeProjection;
import fr.contact.eds.episodes.query.EpisodeQueries;
import fr.contact.eds.platform.access.Access;
import fr.contact.eds.platform.access.AccessRecorder;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.consistency.ProjectionBarrier;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.Actor;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Episode-level data: for the data steward and the DPO, and for an association its own episodes only (researchers
 * come through permits, with the catalog). Every answer is recorded as an access naming the patients it reveals,
 * before it is returned.
 */
@Path("/")
@RolesAllowed({Roles.DATA_STEWARD, Roles.DPO, Roles.ASSOCIATION})
@Produces(MediaType.APPLICATION_JSON)
public class EpisodeResource {

    private static final int MAX_LIMIT = 500;
    private static final Duration AFTER_WAIT = Duration.ofSeconds(2);
    private static final Set<String> MODALITIES = Set.of("HOME_VISIT", "CONSULTATION", "TELECONSULTATION",
            "EMERGENCY");
    private static final Set<String> OUTCOMES = Set.of("HOME", "EMERGENCY_DEPARTMENT", "HOSPITALISATION", "DEATH",
            "OTHER");

    @Inject
    EpisodeQueries queries;
    @Inject
    AccessRecorder accessRecorder;
    @Inject
    CurrentActor currentActor;
    @Inject
    ProjectionBarrier barrier;

    @GET
    @Path("episodes")
    public EpisodePage search(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("departement") String departement, @QueryParam("association") String association,
            @QueryParam("modality") String modality, @QueryParam("icpc2") String icpc2,
            @QueryParam("outcome") String outcome, @QueryParam("ageBand") String ageBand,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit, @QueryParam("after") Long after) {
        Actor actor = currentActor.get();
        awaitProjection(after);
        EpisodeFilter filter = new EpisodeFilter(instant("from", from), instant("to", to), departement,
                ownAssociation(actor, association), oneOf("modality", modality, MODALITIES), icpc2,
                oneOf("outcome", outcome, OUTCOMES), ageBand);
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        try {
            return accessRecorder.reveal(actor, access(actor, AccessAction.SEARCH),
                    () -> queries.search(filter, cursor, size), page -> patientsIn(page.episodes()));
        } catch (EpisodeQueries.InvalidCursorException e) {
            throw ProblemException.badRequest("cursor", e.getMessage());
        }
    }

    @GET
    @Path("episodes/{episodeId}")
    public Episode byId(@PathParam("episodeId") String episodeId, @QueryParam("after") Long after) {
        Actor actor = currentActor.get();
        awaitProjection(after);
        Episode episode = queries.byId(episodeId)
                .filter(e -> !actor.hasRole(Roles.ASSOCIATION) || e.associationId().equals(actor.association()))
                .orElseThrow(() -> ProblemException.notFound("No episode " + episodeId));
        return accessRecorder.reveal(actor, access(actor, AccessAction.READ), () -> episode,
                e -> patientsIn(List.of(e)));
    }

    @GET
    @Path("patients/{patientPseudonym}/episodes")
    public List<Episode> pathway(@PathParam("patientPseudonym") String patientPseudonym,
            @QueryParam("after") Long after) {
        Actor actor = currentActor.get();
        awaitProjection(after);
        return accessRecorder.reveal(actor, access(actor, AccessAction.READ), () -> queries.pathway(patientPseudonym)
                .stream().filter(e -> !actor.hasRole(Roles.ASSOCIATION)
                        || e.associationId().equals(actor.association()))
                .toList(), this::patientsIn);
    }

    /**
     * Read-your-writes: {@code after} is the position on a receipt (an opposition, say); the answer waits until the
     * episodes projection has passed it, or is 503 with Retry-After.
     */
    private void awaitProjection(Long after) {
        if (after != null) {
            barrier.require(EpisodeProjection.PROCESSOR, after, AFTER_WAIT);
        }
    }

    private List<String> patientsIn(List<Episode> episodes) {
        return episodes.stream().map(Episode::patientPseudonym).filter(Objects::nonNull).distinct().toList();
    }

    private static Access access(Actor actor, AccessAction action) {
        String role = actor.roleAmong(Roles.DATA_STEWARD, Roles.DPO, Roles.ASSOCIATION);
        String purpose = switch (role) {
            case Roles.ASSOCIATION -> "follow-up of the association's own care episodes";
            case Roles.DPO -> "data protection audit";
            default -> "data stewardship";
        };
        return new Access(role, purpose, action, "Episode");
    }

    /** An association sees only its own episodes, whatever it asks for. */
    private static String ownAssociation(Actor actor, String requested) {
        if (!actor.hasRole(Roles.ASSOCIATION) || actor.hasRole(Roles.DATA_STEWARD) || actor.hasRole(Roles.DPO)) {
            return requested;
        }
        if (actor.association() == null || requested != null && !requested.equals(actor.association())) {
            throw new ProblemException(403, "Forbidden", "An association may only read its own episodes",
                    "association");
        }
        return actor.association();
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, field + " must be an ISO-8601 instant, e.g. 2026-01-15T00:00:00Z");
        }
    }

    private static String oneOf(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw ProblemException.badRequest(field, field + " must be one of " + allowed);
        }
        return value;
    }
}
