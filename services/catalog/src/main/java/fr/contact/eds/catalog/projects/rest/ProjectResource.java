package fr.contact.eds.catalog.projects.rest;

import fr.contact.eds.catalog.api.ActivateProjectCommand;
import fr.contact.eds.catalog.api.CloseProjectCommand;
import fr.contact.eds.catalog.api.DraftProjectCommand;
import fr.contact.eds.catalog.api.Opinion;
import fr.contact.eds.catalog.api.ProjectProposal;
import fr.contact.eds.catalog.api.ProjectState;
import fr.contact.eds.catalog.api.RecordOpinionCommand;
import fr.contact.eds.catalog.api.ReviseProjectCommand;
import fr.contact.eds.catalog.api.StartReviewCommand;
import fr.contact.eds.catalog.api.SubmitProjectCommand;
import fr.contact.eds.catalog.config.CatalogConfig;
import fr.contact.eds.catalog.datasets.DatasetCatalogue;
import fr.contact.eds.catalog.projects.ProjectCommands;
import fr.contact.eds.catalog.projects.ProjectView;
import fr.contact.eds.catalog.projects.Projects;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.Actor;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Research projects through their lifecycle: researchers draft, revise, submit, activate and close their own; CSE
 * members open reviews and give opinions (token claim {@code cse_seat=patient-representative} for patient
 * representatives); the data steward and the DPO follow every project.
 */
@Path("/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    public record OpinionInput(String opinion, String comment) {}

    public record ClosingInput(String resultsSummary) {}

    private final ProjectCommands commands;
    private final Projects projects;
    private final DatasetCatalogue datasets;
    private final CurrentActor currentActor;
    private final JsonWebToken token;
    private final CatalogConfig config;

    public ProjectResource(ProjectCommands commands, Projects projects, DatasetCatalogue datasets,
            CurrentActor currentActor, JsonWebToken token, CatalogConfig config) {
        this.commands = commands;
        this.projects = projects;
        this.datasets = datasets;
        this.currentActor = currentActor;
        this.token = token;
        this.config = config;
    }

    @POST
    @RolesAllowed(Roles.RESEARCHER)
    public Response draft(ProjectProposal proposal) {
        requireKnownDatasets(proposal);
        String projectId = "prj-" + UUID.randomUUID();
        commands.send(projectId, new DraftProjectCommand(projectId, currentActor.get().subject(), proposal));
        return Response.created(URI.create("/projects/" + projectId))
                .entity(new ProjectCommands.Transition(projectId, ProjectState.DRAFT)).build();
    }

    @PUT
    @Path("{projectId}")
    @RolesAllowed(Roles.RESEARCHER)
    public ProjectCommands.Transition revise(@PathParam("projectId") String projectId, ProjectProposal proposal) {
        requireKnownDatasets(proposal);
        return transition(projectId, new ReviseProjectCommand(projectId, currentActor.get().subject(), proposal));
    }

    @POST
    @Path("{projectId}/submission")
    @RolesAllowed(Roles.RESEARCHER)
    public ProjectCommands.Transition submit(@PathParam("projectId") String projectId) {
        return transition(projectId, new SubmitProjectCommand(projectId, currentActor.get().subject()));
    }

    @POST
    @Path("{projectId}/review")
    @RolesAllowed(Roles.CSE_MEMBER)
    public ProjectCommands.Transition startReview(@PathParam("projectId") String projectId) {
        return transition(projectId, new StartReviewCommand(projectId, currentActor.get().subject()));
    }

    @POST
    @Path("{projectId}/opinions")
    @RolesAllowed(Roles.CSE_MEMBER)
    public ProjectCommands.Transition giveOpinion(@PathParam("projectId") String projectId, OpinionInput input) {
        Opinion opinion;
        try {
            opinion = Opinion.valueOf(String.valueOf(input == null ? null : input.opinion()).toUpperCase(Locale.ROOT)
                    .replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("opinion", "Expected approve, request-changes or reject");
        }
        boolean patientRepresentative = "patient-representative".equals(token.getClaim("cse_seat"));
        return transition(projectId, new RecordOpinionCommand(projectId, currentActor.get().subject(),
                patientRepresentative, opinion, input.comment(), config.cseQuorum()));
    }

    @POST
    @Path("{projectId}/activation")
    @RolesAllowed(Roles.RESEARCHER)
    public ProjectCommands.Transition activate(@PathParam("projectId") String projectId) {
        return transition(projectId, new ActivateProjectCommand(projectId, currentActor.get().subject()));
    }

    @POST
    @Path("{projectId}/closing")
    @RolesAllowed(Roles.RESEARCHER)
    public ProjectCommands.Transition close(@PathParam("projectId") String projectId, ClosingInput input) {
        return transition(projectId, new CloseProjectCommand(projectId, currentActor.get().subject(),
                input == null ? null : input.resultsSummary()));
    }

    /** A researcher sees their own projects and those whose permit names them; reviewers and stewards see all. */
    @GET
    @RolesAllowed({Roles.RESEARCHER, Roles.CSE_MEMBER, Roles.DATA_STEWARD, Roles.DPO})
    public List<ProjectView> list(@QueryParam("state") String state) {
        List<ProjectState> states = state == null ? List.of() : List.of(state(state));
        Actor actor = currentActor.get();
        if (actor.roles().stream().anyMatch(r -> !r.equals(Roles.RESEARCHER))) {
            return projects.list(null, states);
        }
        List<ProjectView> visible = new ArrayList<>(projects.list(actor.subject(), states));
        projects.list(null, states).stream().filter(p -> !actor.subject().equals(p.owner()) && p.permit() != null
                && p.permit().users().contains(actor.subject())).forEach(visible::add);
        return visible;
    }

    @GET
    @Path("{projectId}")
    @RolesAllowed({Roles.RESEARCHER, Roles.CSE_MEMBER, Roles.DATA_STEWARD, Roles.DPO})
    public ProjectView byId(@PathParam("projectId") String projectId) {
        Actor actor = currentActor.get();
        ProjectView project = projects.byId(projectId)
                .orElseThrow(() -> ProblemException.notFound("No project " + projectId));
        boolean researcherOnly = actor.roles().stream().allMatch(Roles.RESEARCHER::equals);
        if (researcherOnly && !actor.subject().equals(project.owner())
                && (project.permit() == null || !project.permit().users().contains(actor.subject()))) {
            throw ProblemException.notFound("No project " + projectId);
        }
        return project;
    }

    private ProjectCommands.Transition transition(String projectId, Object command) {
        ProjectState state = commands.send(projectId, command);
        return new ProjectCommands.Transition(projectId, state);
    }

    private void requireKnownDatasets(ProjectProposal proposal) {
        if (proposal == null) {
            throw ProblemException.badRequest("proposal", "A project needs a proposal");
        }
        List<String> unknown = proposal.datasets().stream().filter(d -> datasets.byId(d).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("datasets", "Unknown datasets " + unknown + "; the catalogue has "
                    + String.join(", ", datasets.ids()));
        }
    }

    private static ProjectState state(String value) {
        try {
            return ProjectState.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("state", "Unknown state " + value);
        }
    }
}
