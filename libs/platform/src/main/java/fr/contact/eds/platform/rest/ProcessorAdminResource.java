package fr.contact.eds.platform.rest;

import fr.contact.eds.platform.access.Access;
import fr.contact.eds.platform.access.AccessRecorder;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.axon.ProcessorStatus;
import fr.contact.eds.platform.axon.Processors;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Operating the event processors. A replay or a retry runs patient data through the handlers again: it is recorded as
 * an access first, and does not start if the record cannot be made.
 */
@Path("/admin/processors")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class ProcessorAdminResource {

    private final Processors processors;
    private final AccessRecorder accessRecorder;
    private final CurrentActor currentActor;

    public ProcessorAdminResource(Processors processors, AccessRecorder accessRecorder, CurrentActor currentActor) {
        this.processors = processors;
        this.accessRecorder = accessRecorder;
        this.currentActor = currentActor;
    }

    @GET
    public List<ProcessorStatus> list() {
        return processors.statuses();
    }

    @POST
    @Path("/{name}/replay")
    public ProcessorStatus replay(@PathParam("name") String name) {
        if (processors.status(name).isEmpty()) {
            throw ProblemException.notFound("No streaming processor named " + name);
        }
        processors.requireReplayable(name);
        recordReprocessing(name, "replay");
        if (!processors.replay(name)) {
            throw ProblemException.notFound("No streaming processor named " + name);
        }
        return processors.status(name).orElseThrow();
    }

    @POST
    @Path("/{name}/dead-letters/retry")
    public Map<String, Integer> retryDeadLetters(@PathParam("name") String name) {
        recordReprocessing(name, "dead-letter retry");
        return processors.retryDeadLetters(name).map(n -> Map.of("retriedSequences", n))
                .orElseThrow(() -> ProblemException.notFound("No dead-letter queue for processor " + name));
    }

    private void recordReprocessing(String processor, String purpose) {
        accessRecorder.record(currentActor.get(), new Access(Roles.PLATFORM_ADMIN, purpose, AccessAction.UPDATE,
                "processor " + processor), List.of(), AccessOutcome.SUCCESS);
    }
}
