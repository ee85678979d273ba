package fr.contact.eds.ingestion.imports;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import fr.contact.eds.ingestion.api.AcceptBundleCommand;
import fr.contact.eds.ingestion.fhir.IntakeIssue;
import fr.contact.eds.ingestion.intake.IntakeResult;
import fr.contact.eds.ingestion.intake.IntakeService;
import fr.contact.eds.platform.security.Actor;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * History backfill: an NDJSON file of bundles (one a line) is saved, then taken in line by line in the
 * background through the same {@link IntakeService} as live posts. The job's progress, counts and errors
 * by line number live in the service's own database, so any instance can answer for it.
 */
@Singleton
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    private static final int MAX_ERRORS_KEPT = 1000;
    private static final int PROGRESS_EVERY_LINES = 50;
    /** Bundles appended per commit: fewer, larger writes for backfills, each bundle still its own aggregate. */
    private static final int BUNDLES_PER_COMMIT = 50;
    private static final long GATE_RETRY_MILLIS = 1000;

    /** How often an instance vouches for the jobs it holds, and how long a silent holder is trusted. */
    private static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(20);
    private static final Duration HOLDER_SILENT_AFTER = Duration.ofSeconds(90);
    private static final List<String> UNFINISHED = List.of("queued", "running");

    private final MongoCollection<Document> jobs;
    private final IntakeService intake;
    private final String instance = UUID.randomUUID().toString();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "import-jobs"));
    private final ScheduledExecutorService heartbeat = Executors
            .newSingleThreadScheduledExecutor(r -> new Thread(r, "import-jobs-heartbeat"));

    @Inject
    public ImportJobs(MongoDatabase readModel, IntakeService intake) {
        this.jobs = readModel.getCollection("importJobs");
        this.intake = intake;
    }

    void start(@Observes StartupEvent event) {
        heartbeat.scheduleWithFixedDelay(this::sweep, 0, HEARTBEAT_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        heartbeat.shutdownNow();
        worker.shutdownNow();
    }

    /**
     * Vouches for this instance's unfinished jobs, and fails those whose holder went silent (it stopped mid-way):
     * their upload was only on that instance. Intake is idempotent, so sending the same file again is safe.
     */
    void sweep() {
        try {
            Date now = new Date();
            jobs.updateMany(Filters.and(Filters.eq("owner", instance), Filters.in("status", UNFINISHED)),
                    Updates.set("heartbeatAt", now));
            jobs.updateMany(Filters.and(Filters.in("status", UNFINISHED),
                    Filters.lt("heartbeatAt", Date.from(now.toInstant().minus(HOLDER_SILENT_AFTER)))),
                    Updates.combine(Updates.set("status", "failed"), Updates.set("finishedAt", now),
                            Updates.set("failure", "Interrupted: the instance running this job stopped. Send the "
                                    + "same file again; bundles already taken in count as repeated")));
        } catch (RuntimeException e) {
            LOG.warnf("Import job heartbeat failed: %s", e.getMessage());
        }
    }

    /** Saves the upload and queues it; returns the job id. */
    public String start(Actor actor, InputStream ndjson) throws IOException {
        String jobId = UUID.randomUUID().toString();
        Path file = Files.createTempFile("contact-import-" + jobId, ".ndjson");
        long bytes = Files.copy(ndjson, file, StandardCopyOption.REPLACE_EXISTING);
        jobs.insertOne(new Document("_id", jobId).append("associationId", actor.association())
                .append("requestedBy", actor.subject()).append("status", "queued").append("bytesTotal", bytes)
                .append("bytesDone", 0L).append("linesDone", 0).append("accepted", 0).append("repeated", 0)
                .append("rejected", 0).append("skippedByOpposition", 0).append("errors", List.of())
                .append("errorsNotKept", 0).append("createdAt", new Date()).append("owner", instance)
                .append("heartbeatAt", new Date()));
        worker.submit(() -> run(jobId, actor, file));
        return jobId;
    }

    /** The job, if it exists and belongs to {@code associationId}. */
    public Optional<Document> find(String jobId, String associationId) {
        return Optional.ofNullable(jobs.find(Filters.and(Filters.eq("_id", jobId),
                Filters.eq("associationId", associationId))).first());
    }

    private void run(String jobId, Actor actor, Path file) {
        Progress progress = new Progress();
        jobs.updateOne(Filters.eq("_id", jobId), Updates.combine(Updates.set("status", "running"),
                Updates.set("startedAt", new Date())));
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<IntakeResult.Prepared> batch = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                progress.line++;
                progress.bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (!line.isBlank()) {
                    IntakeResult prepared = intake.prepare(actor, line.getBytes(StandardCharsets.UTF_8));
                    if (prepared instanceof IntakeResult.Prepared p) {
                        batch.add(p);
                    } else {
                        progress.count(prepared);
                    }
                }
                if (batch.size() == BUNDLES_PER_COMMIT) {
                    takeIn(jobId, batch, progress);
                    batch.clear();
                    save(jobId, progress, "running");
                } else if (progress.line % PROGRESS_EVERY_LINES == 0) {
                    save(jobId, progress, "running");
                }
            }
            takeIn(jobId, batch, progress);
            save(jobId, progress, "completed");
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Import job %s failed at line %d", jobId, progress.line);
            save(jobId, progress, "failed");
            jobs.updateOne(Filters.eq("_id", jobId), Updates.set("failure",
                    "Stopped at line " + progress.line + ": " + e.getMessage()));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("Could not delete %s", file);
            }
        }
    }

    /** Through the consent gate, then appended; while the opposition state is not known, the job waits. */
    private void takeIn(String jobId, List<IntakeResult.Prepared> batch, Progress progress) {
        if (batch.isEmpty()) {
            return;
        }
        Optional<List<AcceptBundleCommand>> gated;
        while ((gated = intake.gate(batch)).isEmpty()) {
            LOG.infof("Import job %s waits for the opposition state at line %d", jobId, progress.line);
            try {
                Thread.sleep(GATE_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the opposition state", e);
            }
        }
        intake.acceptAll(gated.get()).forEach(progress::count);
    }

    private void save(String jobId, Progress p, String status) {
        var update = new ArrayList<>(List.of(Updates.set("status", status), Updates.set("bytesDone", p.bytes),
                Updates.set("linesDone", p.line), Updates.set("accepted", p.accepted),
                Updates.set("repeated", p.repeated), Updates.set("skippedByOpposition", p.skippedByOpposition),
                Updates.set("rejected", p.rejected), Updates.set("errorsNotKept", p.errorsNotKept)));
        if (!p.newErrors.isEmpty()) {
            update.add(Updates.pushEach("errors", List.copyOf(p.newErrors)));
            p.newErrors.clear();
        }
        if (!"running".equals(status)) {
            update.add(Updates.set("finishedAt", new Date()));
        }
        jobs.updateOne(Filters.eq("_id", jobId), Updates.combine(update));
    }

    private static final class Progress {

        int line;
        long bytes;
        int accepted;
        int repeated;
        int skippedByOpposition;
        int rejected;
        int errorsKept;
        int errorsNotKept;
        final List<Document> newErrors = new ArrayList<>();

        void count(IntakeResult result) {
            if (result instanceof IntakeResult.Accepted accepted) {
                if (accepted.repeated()) {
                    repeated++;
                } else if (accepted.accepted().episodeIds().isEmpty()) {
                    skippedByOpposition++;
                } else {
                    this.accepted++;
                }
                return;
            }
            IntakeResult.Refused refused = (IntakeResult.Refused) result;
            rejected++;
            if (errorsKept >= MAX_ERRORS_KEPT) {
                errorsNotKept++;
                return;
            }
            errorsKept++;
            newErrors.add(new Document("line", line).append("status", refused.status()).append("issues",
                    refused.issues().stream().map(Progress::issue).toList()));
        }

        private static Document issue(IntakeIssue issue) {
            return new Document("code", issue.code()).append("expression", issue.expression())
                    .append("diagnostics", issue.diagnostics());
        }
    }
}
