package fr.contact.eds.episodes.rebuild.rest;

import fr.contact.eds.episodes.episodes.EpisodeProjection;
import fr.contact.eds.episodes.rebuild.EpisodeRebuilds;
import fr.contact.eds.platform.access.Access;
import fr.contact.eds.platform.access.AccessRecorder;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Rebuilding read models from the first event, without interrupting their readers. A rebuild reads every patient's
 * data again: it is recorded as an access before it starts.
 */
@Path("/admin/projections")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionAdminResource {

    private final EpisodeRebuilds rebuilds;
    private final AccessRecorder accessRecorder;
    private final CurrentActor currentActor;

    public ProjectionAdminResource(EpisodeRebuilds rebuilds, AccessRecorder accessRecorder, CurrentActor currentActor) {
        this.rebuilds = rebuilds;
        this.accessRecorder = accessRecorder;
        this.currentActor = currentActor;
    }

    @GET
    public List<EpisodeRebuilds.Progress> projections() {
        return List.of(rebuilds.progress());
    }

    /** 202 with the rebuild's progress; one already running is reported, not restarted. */
    @POST
    @Path("/{name}/rebuild")
    public Response rebuild(@PathParam("name") String name) {
        if (!EpisodeProjection.PROCESSOR.equals(name)) {
            throw ProblemException
                    .notFound("No projection " + name + "; this service has " + EpisodeProjection.PROCESSOR);
        }
        if (!rebuilds.running()) {
            accessRecorder.record(currentActor.get(), new Access(Roles.PLATFORM_ADMIN, "read model rebuild",
                    AccessAction.UPDATE, "read model " + name), List.of(), AccessOutcome.SUCCESS);
        }
        return Response.accepted(rebuilds.rebuild()).build();
    }
}
