package fr.contact.eds.catalog.extracts;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import fr.contact.eds.catalog.api.Permit;
import fr.contact.eds.catalog.projects.ProjectView;
import fr.contact.eds.catalog.warehouse.ResearchProjection;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessOrigin;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.consistency.ProjectionBarrier;
import fr.contact.eds.pseudonymisation.ProjectPseudonyms;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * Extract jobs: requested with the event-store position of the request, built once the research read model (care
 * data and oppositions) has passed that position — or failed closed when it cannot get there in time — written to
 * GridFS, then recorded as accesses naming every included patient before the files can be downloaded.
 */
public class ExtractJobs {

    private static final Logger LOG = Logger.getLogger(ExtractJobs.class);
    /** Access records name at most this many patients each; a large extract is recorded in several. */
    static final int PATIENTS_PER_RECORD = 10_000;

    /** What the requester learns, then downloads. */
    public record Extract(String extractId, String projectId, String requester, long requestPosition,
            String status, String error, Map<String, Object> manifest) {}

    private final MongoCollection<Document> jobs;
    private final GridFSBucket files;
    private final OmopExtractWriter writer;
    private final ProjectionBarrier barrier;
    private final Duration consentWait;
    private final Function<String, ProjectPseudonyms> pseudonyms;
    private final Consumer<List<AccessRecordedEvent>> recordAccesses;
    private final ExecutorService executor;
    private final Clock clock;

    public ExtractJobs(MongoDatabase database, ProjectionBarrier barrier, Duration consentWait,
            Function<String, ProjectPseudonyms> pseudonyms, Consumer<List<AccessRecordedEvent>> recordAccesses,
            ExecutorService executor, Clock clock) {
        this.jobs = database.getCollection("extracts");
        this.files = GridFSBuckets.create(database, "extractFiles");
        this.writer = new OmopExtractWriter(database);
        this.barrier = barrier;
        this.consentWait = consentWait;
        this.pseudonyms = pseudonyms;
        this.recordAccesses = recordAccesses;
        this.executor = executor;
        this.clock = clock;
        // A job that was running when the service stopped will not finish: say so rather than leave it waiting.
        jobs.updateMany(Filters.in("status", "queued", "running"), Updates.combine(Updates.set("status", "failed"),
                Updates.set("error", "Interrupted by a restart of the catalog service; request the extract again")));
    }

    /** Queues an extract of {@code project} for {@code requester}, as of event-store position {@code position}. */
    public Extract request(ProjectView project, String requester, String traceId, AccessOrigin origin,
            long position) {
        String extractId = "ext-" + UUID.randomUUID();
        jobs.insertOne(new Document("_id", extractId).append("projectId", project.projectId())
                .append("requester", requester).append("requestPosition", position).append("status", "queued")
                .append("requestedAt", Date.from(clock.instant())));
        executor.submit(() -> run(extractId, project, requester, traceId, origin, position));
        return byId(extractId).orElseThrow();
    }

    public Optional<Extract> byId(String extractId) {
        return Optional.ofNullable(jobs.find(Filters.eq("_id", extractId)).first()).map(ExtractJobs::view);
    }

    /** The file's bytes, if the extract completed and has it. */
    public Optional<InputStream> file(String extractId, String fileName) {
        var found = files.find(Filters.and(Filters.eq("metadata.extractId", extractId),
                Filters.eq("filename", fileName))).first();
        return found == null ? Optional.empty() : Optional.of(files.openDownloadStream(found.getObjectId()));
    }

    private void run(String extractId, ProjectView project, String requester, String traceId, AccessOrigin origin,
            long position) {
        try {
            status(extractId, "running", null);
            if (!barrier.awaitPosition(ResearchProjection.PROCESSOR, position, consentWait)) {
                status(extractId, "failed", "The consent and care data state did not reach the request's position "
                        + position + " within " + consentWait.toSeconds() + " s: nothing was extracted (fail closed); "
                        + "request the extract again");
                return;
            }
            Permit permit = project.permit();
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("extract_id", extractId);
            metadata.put("project_id", project.projectId());
            metadata.put("permit_id", permit.permitId());
            metadata.put("request_position", Long.toString(position));
            OmopExtractWriter.Result result = writer.write(project.projectId(), permit,
                    pseudonyms.apply(project.projectId()), metadata, name -> files.openUploadStream(name,
                            new GridFSUploadOptions().metadata(new Document("extractId", extractId))));
            recordAccesses.accept(accesses(extractId, project, requester, traceId, origin,
                    result.includedPatients().stream().map(PatientPseudonym::value).toList()));
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("extractId", extractId);
            manifest.put("projectId", project.projectId());
            manifest.put("permitId", permit.permitId());
            manifest.put("requester", requester);
            manifest.put("requestPosition", position);
            manifest.put("includedPersons", result.includedPatients().size());
            manifest.put("excludedPersons", result.excludedPersons());
            manifest.put("files", result.files().values().stream().map(f -> new Document("name", f.name())
                    .append("rows", f.rows()).append("sha256", f.sha256())).toList());
            jobs.updateOne(Filters.eq("_id", extractId), Updates.combine(Updates.set("status", "completed"),
                    Updates.set("manifest", new Document(manifest)), Updates.set("completedAt",
                            Date.from(clock.instant()))));
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Extract %s failed", extractId);
            status(extractId, "failed", "The extract could not be written: " + e.getMessage());
        }
    }

    /** Recorded as the requester's export, from where they asked for it: the job itself has no client. */
    private List<AccessRecordedEvent> accesses(String extractId, ProjectView project, String requester,
            String traceId, AccessOrigin origin, List<String> patients) {
        List<AccessRecordedEvent> records = new ArrayList<>();
        for (int i = 0; i == 0 || i < patients.size(); i += PATIENTS_PER_RECORD) {
            records.add(new AccessRecordedEvent(UUID.randomUUID().toString(), clock.instant(), "catalog", requester,
                    "researcher", project.projectId(), "research extract " + extractId, AccessAction.EXPORT,
                    "OmopExtract", patients.subList(i, Math.min(patients.size(), i + PATIENTS_PER_RECORD)),
                    AccessOutcome.SUCCESS, traceId, origin));
        }
        return records;
    }

    private void status(String extractId, String status, String error) {
        jobs.updateOne(Filters.eq("_id", extractId), Updates.combine(Updates.set("status", status),
                Updates.set("error", error)));
    }

    @SuppressWarnings("unchecked")
    private static Extract view(Document d) {
        Document manifest = d.get("manifest", Document.class);
        return new Extract(d.getString("_id"), d.getString("projectId"), d.getString("requester"),
                ((Number) d.get("requestPosition")).longValue(), d.getString("status"), d.getString("error"),
                manifest == null ? null : (Map<String, Object>) (Map<?, ?>) manifest);
    }
}
