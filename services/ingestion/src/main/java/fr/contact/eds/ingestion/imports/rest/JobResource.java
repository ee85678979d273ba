package fr.contact.eds.ingestion.imports.rest;

import fr.contact.eds.ingestion.imports.ImportJobs;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/** An import job's progress, counts and errors by line number, for the association that started it. */
@Path("/jobs")
@RolesAllowed(Roles.ASSOCIATION)
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private final ImportJobs jobs;
    private final CurrentActor currentActor;

    public JobResource(ImportJobs jobs, CurrentActor currentActor) {
        this.jobs = jobs;
        this.currentActor = currentActor;
    }

    @GET
    @Path("/{jobId}")
    public Map<String, Object> job(@PathParam("jobId") String jobId) {
        Document job = jobs.find(jobId, currentActor.get().association())
                .orElseThrow(() -> ProblemException.notFound("No import job " + jobId + " for this association"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("jobId", jobId);
        for (String field : new String[]{"status", "linesDone", "accepted", "repeated", "rejected",
                "skippedByOpposition", "errors", "errorsNotKept", "createdAt", "startedAt", "finishedAt", "failure"}) {
            if (job.containsKey(field)) {
                view.put(field, job.get(field));
            }
        }
        long total = job.getLong("bytesTotal");
        view.put("progress", total == 0 ? 1.0 : Math.min(1.0, job.getLong("bytesDone") / (double) total));
        return view;
    }
}
