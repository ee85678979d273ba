package fr.contact.eds.episodes.episodes.rest;

import fr.contact.eds.catalog.api.Variables;
import fr.contact.eds.episodes.episodes.Episode;
import fr.contact.eds.episodes.episodes.EpisodeFilter;
import fr.contact.eds.episodes.episodes.EpisodeOrder;
import fr.contact.eds.episodes.episodes.EpisodePage;
import fr.contact.eds.episodes.episodes.EpisodeQueries;
import fr.contact.eds.episodes.episodes.EpisodeSlots;
import fr.contact.eds.episodes.episodes.ResearchIdentifiers;
import fr.contact.eds.episodes.research.PermitCheck;
import fr.contact.eds.episodes.research.ResearchScope;
import fr.contact.eds.platform.access.Access;
import fr.contact.eds.platform.access.AccessRecorder;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.consistency.DeadLetterGate;
import fr.contact.eds.platform.consistency.ProjectionBarrier;
import fr.contact.eds.platform.rest.DateParams;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.Actor;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Episode-level data: for the data steward and the DPO; for an association its own episodes only; for a researcher
 * through a permit in force, as the project sees them (see {@link ResearchScope}). Every answer is recorded as an
 * access naming the patients it reveals, before it is returned.
 */
@Path("/")
@RolesAllowed({Roles.DATA_STEWARD, Roles.DPO, Roles.ASSOCIATION, Roles.RESEARCHER})
@Produces(MediaType.APPLICATION_JSON)
public class EpisodeResource {

    private static final int MAX_LIMIT = 500;
    private static final Duration AFTER_WAIT = Duration.ofSeconds(2);
    private static final Set<String> MODALITIES = Set.of("HOME_VISIT", "CONSULTATION", "TELECONSULTATION",
            "EMERGENCY", EpisodeQueries.ADVICE_ONLY);
    private static final Set<String> OUTCOMES = Set.of("HOME", "EMERGENCY_DEPARTMENT", "HOSPITALISATION", "DEATH",
            "OTHER");

    private final EpisodeQueries queries;
    private final AccessRecorder accessRecorder;
    private final CurrentActor currentActor;
    private final ProjectionBarrier barrier;
    private final PermitCheck permitCheck;
    private final DeadLetterGate deadLetters;
    private final EpisodeSlots slots;
    private final ResearchIdentifiers researchIdentifiers;

    public EpisodeResource(EpisodeQueries queries, AccessRecorder accessRecorder, CurrentActor currentActor,
            ProjectionBarrier barrier, PermitCheck permitCheck, DeadLetterGate deadLetters, EpisodeSlots slots,
            ResearchIdentifiers researchIdentifiers) {
        this.queries = queries;
        this.accessRecorder = accessRecorder;
        this.currentActor = currentActor;
        this.barrier = barrier;
        this.permitCheck = permitCheck;
        this.deadLetters = deadLetters;
        this.slots = slots;
        this.researchIdentifiers = researchIdentifiers;
    }

    @GET
    @Path("episodes")
    public EpisodePage search(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("departement") String departement, @QueryParam("association") String association,
            @QueryParam("modality") String modality, @QueryParam("icpc2") String icpc2,
            @QueryParam("outcome") String outcome, @QueryParam("ageBand") String ageBand,
            @QueryParam("sort") String sort, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @QueryParam("project") String project, @QueryParam("after") Long after) {
        Actor actor = currentActor.get();
        EpisodeFilter filter = new EpisodeFilter(DateParams.instant("from", from), DateParams.instant("to", to),
                departement,
                ownAssociation(actor, association), oneOf("modality", modality, MODALITIES), icpc2,
                oneOf("outcome", outcome, OUTCOMES), ageBand);
        EpisodeOrder order = order(sort);
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        ResearchScope scope = researcher(actor) ? permitCheck.scope(actor, project, AccessAction.SEARCH) : null;
        if (scope != null) {
            requireReleased(scope, filter, sort);
            filter = scope.restrict(filter);
            order = scope.shiftsDates() ? EpisodeOrder.BY_EPISODE : order;
        }
        awaitProjection(after);
        EpisodeFilter effective = filter;
        EpisodeOrder effectiveOrder = order;
        try {
            EpisodePage page = accessRecorder.reveal(actor, access(actor, scope, AccessAction.SEARCH),
                    () -> queries.search(effective, effectiveOrder, cursor, size), p -> patientsIn(p.episodes()));
            return scope == null ? page
                    : new EpisodePage(asSeenBy(scope, page.episodes()), page.total(), page.next());
        } catch (EpisodeQueries.InvalidCursorException e) {
            throw ProblemException.badRequest("cursor", e.getMessage());
        }
    }

    @GET
    @Path("episodes/{episodeId}")
    public Episode byId(@PathParam("episodeId") String episodeId, @QueryParam("project") String project,
            @QueryParam("after") Long after) {
        Actor actor = currentActor.get();
        ResearchScope scope = researcher(actor) ? permitCheck.scope(actor, project, AccessAction.READ) : null;
        awaitProjection(after);
        Episode episode = (scope == null ? queries.byId(episodeId)
                : researchIdentifiers.real(scope.projectId(), episodeId)
                        .flatMap(real -> queries.byId(real, scope.restrict(EpisodeFilter.ANY))))
                .filter(e -> !actor.hasRole(Roles.ASSOCIATION) || e.associationId().equals(actor.association()))
                .orElseThrow(() -> ProblemException.notFound("No episode " + episodeId));
        Episode revealed = accessRecorder.reveal(actor, access(actor, scope, AccessAction.READ), () -> episode,
                e -> patientsIn(List.of(e)));
        return scope == null ? revealed : asSeenBy(scope, List.of(revealed)).get(0);
    }

    @GET
    @Path("patients/{patientPseudonym}/episodes")
    public List<Episode> pathway(@PathParam("patientPseudonym") String patientPseudonym,
            @QueryParam("project") String project, @QueryParam("after") Long after) {
        Actor actor = currentActor.get();
        ResearchScope scope = researcher(actor) ? permitCheck.scope(actor, project, AccessAction.READ) : null;
        awaitProjection(after);
        if (patientPseudonym.isBlank()) {
            throw ProblemException.badRequest("patientPseudonym", "The patient's pseudonym is required");
        }
        List<Episode> pathway = scope == null ? queries.pathway(new PatientPseudonym(patientPseudonym))
                : researchIdentifiers.real(scope.projectId(), patientPseudonym).map(PatientPseudonym::new)
                        .map(real -> queries.pathway(real, scope.restrict(EpisodeFilter.ANY))).orElse(List.of());
        List<Episode> revealed = accessRecorder.reveal(actor, access(actor, scope, AccessAction.READ),
                () -> pathway.stream().filter(e -> !actor.hasRole(Roles.ASSOCIATION)
                        || e.associationId().equals(actor.association())).toList(),
                this::patientsIn);
        return scope == null ? revealed : asSeenBy(scope, revealed);
    }

    /**
     * Read-your-writes: {@code after} is the position on a receipt (an opposition, say); the answer waits until the
     * episodes projection has passed it, or is 503 with Retry-After, as it is while the projection holds dead letters.
     */
    private void awaitProjection(Long after) {
        String serving = slots.serving();
        deadLetters.requireNone(serving);
        if (after != null) {
            barrier.require("after", serving, after, AFTER_WAIT);
        }
    }

    /** The project's view, remembering the identifiers shown so that the researcher can ask for them again. */
    private List<Episode> asSeenBy(ResearchScope scope, List<Episode> episodes) {
        researchIdentifiers.remember(scope.projectId(), scope.identifiersIn(episodes));
        return episodes.stream().map(scope::view).toList();
    }

    /** A filter on a variable the permit does not release would reveal it; so would dates that the permit shifts. */
    private static void requireReleased(ResearchScope scope, EpisodeFilter filter, String sort) {
        requireReleased(scope, "modality", filter.modality(), Variables.VISIT);
        requireReleased(scope, "icpc2", filter.icpc2(), Variables.CONDITIONS);
        requireReleased(scope, "outcome", filter.outcome(), Variables.OUTCOME);
        requireReleased(scope, "ageBand", filter.ageBand(), Variables.YEAR_OF_BIRTH);
        String byDate = filter.from() != null ? "from" : filter.to() != null ? "to" : sort != null ? "sort" : null;
        if (scope.shiftsDates() && byDate != null) {
            throw ProblemException.badRequest(byDate, "The permit of " + scope.projectId()
                    + " shifts dates: episodes cannot be selected or ordered by their real dates");
        }
    }

    private static void requireReleased(ResearchScope scope, String field, String value, String variable) {
        if (value != null && !scope.releases(variable)) {
            throw ProblemException.badRequest(field, "The permit of " + scope.projectId() + " does not release "
                    + variable + ", which " + field + " would reveal");
        }
    }

    private List<String> patientsIn(List<Episode> episodes) {
        return episodes.stream().map(Episode::patientPseudonym).filter(Objects::nonNull).distinct().toList();
    }

    /** Researchers read through a permit only, unless they also hold a role that reads without one. */
    private static boolean researcher(Actor actor) {
        return actor.hasRole(Roles.RESEARCHER) && !actor.hasRole(Roles.DATA_STEWARD) && !actor.hasRole(Roles.DPO)
                && !actor.hasRole(Roles.ASSOCIATION);
    }

    private static Access access(Actor actor, ResearchScope scope, AccessAction action) {
        if (scope != null) {
            return PermitCheck.access(scope.projectId(), action);
        }
        String role = actor.roleAmong(Roles.DATA_STEWARD, Roles.DPO, Roles.ASSOCIATION);
        String purpose = switch (role) {
            case Roles.ASSOCIATION -> "follow-up of the association's own care episodes";
            case Roles.DPO -> "data protection audit";
            default -> "data stewardship";
        };
        return new Access(role, purpose, action, "Episode");
    }

    private static EpisodeOrder order(String sort) {
        if (sort == null || sort.isBlank()) {
            return EpisodeOrder.NEWEST_FIRST;
        }
        return EpisodeOrder.ofParameter(sort).orElseThrow(() -> ProblemException.badRequest("sort",
                "sort must be one of " + Arrays.stream(EpisodeOrder.values()).map(EpisodeOrder::parameter).toList()));
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

    private static String oneOf(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw ProblemException.badRequest(field, field + " must be one of " + allowed);
        }
        return value;
    }
}
