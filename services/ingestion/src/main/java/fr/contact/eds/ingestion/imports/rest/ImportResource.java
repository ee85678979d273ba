package fr.contact.eds.ingestion.imports.rest;

import fr.contact.eds.ingestion.imports.ImportJobs;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.Actor;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

/** History backfill: {@code POST /fhir/$import} with NDJSON bundles; progress at {@link JobResource}. */
// FHIR operation names start with "$": match it literally, and percent-encoded as some clients send it.
@Path("/fhir/{operation: (\\$|%24)import}")
@RolesAllowed(Roles.ASSOCIATION)
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ImportJobs jobs;
    private final CurrentActor currentActor;

    public ImportResource(ImportJobs jobs, CurrentActor currentActor) {
        this.jobs = jobs;
        this.currentActor = currentActor;
    }

    @POST
    @Consumes({"application/fhir+ndjson", "application/x-ndjson", "application/ndjson"})
    public Response start(InputStream ndjson) throws IOException {
        Actor actor = currentActor.get();
        if (actor.association() == null || actor.association().isBlank()) {
            throw new ProblemException(403, "Forbidden", "The token names no association", "association");
        }
        String jobId = jobs.start(actor, ndjson);
        URI location = URI.create("/jobs/" + jobId);
        return Response.accepted(Map.of("jobId", jobId, "status", "queued", "url", location.toString()))
                .header("Content-Location", location).build();
    }
}
