package fr.contact.eds.catalog.extracts.rest;

import fr.contact.eds.catalog.api.PermitStanding;
import fr.contact.eds.catalog.extracts.ExtractJobs;
import fr.contact.eds.catalog.projects.ProjectView;
import fr.contact.eds.catalog.projects.Projects;
import fr.contact.eds.catalog.warehouse.ResearchProjection;
import fr.contact.eds.platform.access.Access;
import fr.contact.eds.platform.access.AccessRecorder;
import fr.contact.eds.platform.access.RequestOrigins;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.consistency.DeadLetterGate;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.Actor;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Extracts for a project's permit holders: requested as of now (the request's event-store position, so no extract
 * started after an opposition's receipt can contain that patient), built in the background, downloadable by the
 * permit's users until the permit ends. A refused attempt is recorded as a denied access.
 */
@Path("/projects/{projectId}/extracts")
@RolesAllowed(Roles.RESEARCHER)
@Produces(MediaType.APPLICATION_JSON)
public class ExtractResource {

    private final Projects projects;
    private final ExtractJobs jobs;
    private final CurrentActor currentActor;
    private final AccessRecorder accessRecorder;
    private final AxonRuntime axon;
    private final DeadLetterGate deadLetters;
    private final RequestOrigins origins;

    public ExtractResource(Projects projects, ExtractJobs jobs, CurrentActor currentActor,
            AccessRecorder accessRecorder, AxonRuntime axon, DeadLetterGate deadLetters, RequestOrigins origins) {
        this.projects = projects;
        this.jobs = jobs;
        this.currentActor = currentActor;
        this.accessRecorder = accessRecorder;
        this.axon = axon;
        this.deadLetters = deadLetters;
        this.origins = origins;
    }

    @POST
    public Response request(@PathParam("projectId") String projectId) {
        Actor actor = currentActor.get();
        ProjectView project = permitted(projectId, actor, AccessAction.EXPORT);
        // An extract built from a research copy that misses parked events could hold an opposed patient.
        deadLetters.requireNone(ResearchProjection.PROCESSOR);
        var span = Span.current().getSpanContext();
        ExtractJobs.Extract extract = jobs.request(project, actor.subject(),
                span.isValid() ? span.getTraceId() : null, origins.current(), axon.engine().headPosition());
        return Response.accepted(extract).location(URI.create("/projects/" + projectId + "/extracts/"
                + extract.extractId())).build();
    }

    @GET
    @Path("{extractId}")
    public ExtractJobs.Extract status(@PathParam("projectId") String projectId,
            @PathParam("extractId") String extractId) {
        permitted(projectId, currentActor.get(), AccessAction.READ);
        return extract(projectId, extractId);
    }

    @GET
    @Path("{extractId}/files/{fileName}")
    @Produces("text/csv")
    public Response file(@PathParam("projectId") String projectId, @PathParam("extractId") String extractId,
            @PathParam("fileName") String fileName) {
        Actor actor = currentActor.get();
        permitted(projectId, actor, AccessAction.READ);
        ExtractJobs.Extract extract = extract(projectId, extractId);
        if (!"completed".equals(extract.status())) {
            throw new ProblemException(409, "Conflict", "Extract " + extractId + " is " + extract.status(),
                    "status");
        }
        var content = jobs.file(extractId, fileName)
                .orElseThrow(() -> ProblemException.notFound("No file " + fileName + " in extract " + extractId));
        accessRecorder.record(actor, new Access(Roles.RESEARCHER, "download of research extract " + extractId,
                AccessAction.EXPORT, "OmopExtract " + fileName), List.of(), AccessOutcome.SUCCESS);
        return Response.ok(content, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private ExtractJobs.Extract extract(String projectId, String extractId) {
        return jobs.byId(extractId).filter(e -> e.projectId().equals(projectId))
                .orElseThrow(() -> ProblemException.notFound("No extract " + extractId + " in project " + projectId));
    }

    /** The same answer whether the project does not exist or its permit does not name the caller. */
    private static ProblemException notAmongYours(String projectId) {
        return ProblemException.notFound("No project " + projectId + " among those whose permit names you");
    }

    /**
     * The project, if the caller holds its permit and the permit is in force; otherwise 404 (whether the project
     * exists is not told to those outside it), 409 or 410.
     */
    private ProjectView permitted(String projectId, Actor actor, AccessAction action) {
        ProjectView project = projects.byId(projectId)
                .orElseThrow(() -> notAmongYours(projectId));
        if (project.permit() == null || !project.permit().users().contains(actor.subject())) {
            accessRecorder.record(actor, new Access(Roles.RESEARCHER, "research extract of " + projectId, action,
                    "OmopExtract"), List.of(), AccessOutcome.DENIED);
            throw notAmongYours(projectId);
        }
        switch (PermitStanding.of(project.state(), project.permit(), LocalDate.now(ZoneOffset.UTC))) {
            case ENDED -> throw new ProblemException(410, "Gone", "The permit of " + projectId + " has ended ("
                    + PermitStanding.whyEnded(project.state(), project.permit()) + ")", null);
            case NOT_YET_IN_FORCE -> throw new ProblemException(409, "Conflict",
                    "The permit is in force once the project is active; it is " + project.state(), "state");
            case IN_FORCE -> {
            }
        }
        return project;
    }
}
