package fr.contact.eds.episodes.query;

import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.axon.Processors;
import fr.contact.eds.platform.consistency.ProcessorPositions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Rebuilds the episodes read model from the first event into a new generation while the live one keeps serving,
 * reports progress, and switches the live pointer once the rebuild has caught up with the log as it was when it
 * started.
 */
@Singleton
public class EpisodeRebuilds {

    private static final Logger LOG = Logger.getLogger(EpisodeRebuilds.class);
    private static final long CHECK_EVERY_MILLIS = 500;
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    /** A rebuild as an operator sees it. */
    public record Progress(String projection, int liveGeneration, Integer rebuildingGeneration, Instant startedAt,
            Long target, Long position, Long eventsProcessed, Double eventsPerSecond, Long etaSeconds) {}

    private final EpisodeProjection projection;
    private final Processors processors;
    private final ProcessorPositions positions;
    private final AxonRuntime axon;
    private final ScheduledExecutorService monitor = Executors
            .newSingleThreadScheduledExecutor(r -> new Thread(r, "episodes-rebuild"));
    private volatile Instant lastLogged = Instant.EPOCH;

    @Inject
    public EpisodeRebuilds(EpisodeProjection projection, Processors processors, ProcessorPositions positions,
            AxonRuntime axon) {
        this.projection = projection;
        this.processors = processors;
        this.positions = positions;
        this.axon = axon;
    }

    void start(@Observes StartupEvent event) {
        monitor.scheduleWithFixedDelay(this::check, CHECK_EVERY_MILLIS, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        monitor.shutdownNow();
    }

    /** Starts a rebuild, unless one is running; answers its progress. */
    public synchronized Progress rebuild() {
        if (projection.generations().rebuild().isEmpty()) {
            projection.generations().startRebuild(axon.engine().headPosition(), -1);
            projection.refresh();
            processors.replay(EpisodeProjection.PROCESSOR);
            LOG.infof("Rebuilding the episodes read model into generation %d",
                    projection.generations().rebuild().orElseThrow().generation());
        }
        return progress();
    }

    public boolean running() {
        return projection.generations().rebuild().isPresent();
    }

    public Progress progress() {
        int live = projection.generations().live().number();
        Optional<EpisodeGenerations.Rebuild> rebuild = projection.generations().rebuild();
        if (rebuild.isEmpty()) {
            return new Progress(EpisodeProjection.PROCESSOR, live, null, null, null, null, null, null, null);
        }
        EpisodeGenerations.Rebuild r = rebuild.get();
        OptionalLong reached = positions.slowest(EpisodeProjection.PROCESSOR);
        long position = reached.orElse(r.startPosition());
        long processed = Math.max(0, position - r.startPosition());
        double seconds = Math.max(0.001, Duration.between(r.startedAt(), Instant.now()).toMillis() / 1000.0);
        double rate = processed / seconds;
        Long eta = rate > 0 ? (long) Math.ceil(Math.max(0, r.target() - position) / rate) : null;
        return new Progress(EpisodeProjection.PROCESSOR, live, r.generation(), r.startedAt(), r.target(), position,
                processed, Math.round(rate * 10) / 10.0, eta);
    }

    /** Switches once every segment has passed the head the rebuild started from. */
    synchronized void check() {
        try {
            Optional<EpisodeGenerations.Rebuild> rebuild = projection.generations().rebuild();
            if (rebuild.isEmpty()) {
                return;
            }
            Progress progress = progress();
            if (Instant.now().isAfter(lastLogged.plus(LOG_EVERY))) {
                LOG.infof("Episodes rebuild: %d events, %.0f events/s, position %d of %d, ETA %s s",
                        progress.eventsProcessed(), progress.eventsPerSecond(), progress.position(),
                        progress.target(), progress.etaSeconds());
                lastLogged = Instant.now();
            }
            if (progress.position() >= rebuild.get().target()) {
                projection.generations().switchToRebuilt();
                projection.refresh();
                LOG.infof("Episodes read model rebuilt: generation %d is live (%d events)",
                        rebuild.get().generation(), progress.eventsProcessed());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Episodes rebuild check failed: %s", e.getMessage());
        }
    }
}
