package fr.contact.eds.episodes.rebuild;

import fr.contact.eds.episodes.episodes.EpisodeGenerations.Phase;
import fr.contact.eds.episodes.episodes.EpisodeGenerations.Rebuild;
import fr.contact.eds.episodes.episodes.EpisodeGenerations.State;
import fr.contact.eds.episodes.episodes.EpisodeProjection;
import fr.contact.eds.episodes.episodes.EpisodeSlots;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.axon.Processors;
import fr.contact.eds.platform.consistency.ProcessorPositions;
import fr.contact.eds.platform.consistency.ProcessorTokens;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Rebuilds of the episodes read model, coordinated through the store so that any replica may be asked and every
 * replica follows: each one runs the slots the shared state says should run, and moves a recorded rebuild on when
 * it can (forget the rebuild's slot tokens once no replica holds a segment of it, then switch the live pointer once
 * that slot's own positions pass the target). The live generation's slot keeps following the head meanwhile.
 */
@Singleton
public class EpisodeRebuilds {

    private static final Logger LOG = Logger.getLogger(EpisodeRebuilds.class);
    private static final long FOLLOW_EVERY_MILLIS = 500;
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    /** A rebuild as an operator sees it; {@code waitingFor} names the instances whose claims hold a reset back. */
    public record Progress(String projection, int liveGeneration, String liveProcessor, Integer rebuildingGeneration,
            String rebuildingProcessor, Phase phase, Instant startedAt, Long target, Long position,
            Long eventsProcessed, Double eventsPerSecond, Long etaSeconds, List<String> waitingFor) {}

    private final EpisodeSlots slots;
    private final Processors processors;
    private final ProcessorPositions positions;
    private final ProcessorTokens tokens;
    private final AxonRuntime axon;
    private final ScheduledExecutorService monitor = Executors
            .newSingleThreadScheduledExecutor(r -> new Thread(r, "episodes-rebuild"));
    private volatile Instant lastLogged = Instant.EPOCH;
    private volatile List<String> waitingFor = List.of();

    @Inject
    public EpisodeRebuilds(EpisodeSlots slots, Processors processors, ProcessorPositions positions,
            ProcessorTokens tokens, AxonRuntime axon) {
        this.slots = slots;
        this.processors = processors;
        this.positions = positions;
        this.tokens = tokens;
        this.axon = axon;
    }

    /** After Axon has started every processor: the standby slot stops at once. */
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent event) {
        follow();
        monitor.scheduleWithFixedDelay(this::follow, FOLLOW_EVERY_MILLIS, FOLLOW_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        monitor.shutdownNow();
    }

    /** Records a rebuild up to the log's head, unless one is recorded already; answers its progress. */
    public Progress rebuild() {
        if (slots.generations().requestRebuild(axon.engine().headPosition())) {
            LOG.infof("Rebuild of the episodes read model requested into generation %d",
                    slots.generations().rebuild().map(Rebuild::generation).orElse(-1));
        }
        follow();
        return progress();
    }

    public boolean running() {
        return slots.generations().rebuild().isPresent();
    }

    public Progress progress() {
        State state = slots.generations().state();
        boolean catchingUp = state.rebuild().map(r -> r.phase() == Phase.CATCHING_UP).orElse(false);
        return progress(state, catchingUp ? positions.slowest(state.rebuild().get().processor())
                : OptionalLong.empty());
    }

    /** {@code reached}: how far the rebuild's slot got, when it runs. */
    private Progress progress(State state, OptionalLong reached) {
        int live = state.live().number();
        if (state.rebuild().isEmpty()) {
            return new Progress(EpisodeProjection.PROCESSOR, live, state.liveProcessor(), null, null, null, null,
                    null, null, null, null, null, List.of());
        }
        Rebuild r = state.rebuild().get();
        long position = reached.orElse(r.startPosition());
        long processed = Math.max(0, position - r.startPosition());
        double seconds = Math.max(0.001, Duration.between(r.startedAt(), Instant.now()).toMillis() / 1000.0);
        double rate = processed / seconds;
        Long eta = rate > 0 ? (long) Math.ceil(Math.max(0, r.target() - position) / rate) : null;
        return new Progress(EpisodeProjection.PROCESSOR, live, state.liveProcessor(), r.generation(), r.processor(),
                r.phase(), r.startedAt(), r.target(), position, processed, Math.round(rate * 10) / 10.0, eta,
                r.phase() == Phase.RESETTING ? waitingFor : List.of());
    }

    /** One step of following the shared state; safe to run on every replica at any time, and again. */
    synchronized void follow() {
        try {
            State state = slots.generations().state();
            for (EpisodeProjection slot : slots.projections()) {
                boolean runs = state.runs(slot.slot());
                if (runs && !processors.running(slot.slot())) {
                    slot.refresh(); // a slot must know its generation before its first event
                    processors.start(slot.slot());
                } else if (!runs && processors.running(slot.slot())) {
                    processors.shutDown(slot.slot());
                }
            }
            state.rebuild().ifPresent(rebuild -> advance(state, rebuild));
        } catch (RuntimeException e) {
            LOG.warnf("Following the episodes generations failed, retrying: %s", e.getMessage());
        }
    }

    private void advance(State state, Rebuild rebuild) {
        if (rebuild.phase() == Phase.RESETTING) {
            waitingFor = tokens.forget(rebuild.processor());
            if (waitingFor.isEmpty() && slots.generations().beginCatchingUp(rebuild)) {
                LOG.infof("Rebuilding the episodes read model into generation %d with processor %s, up to %d",
                        rebuild.generation(), rebuild.processor(), rebuild.target());
            }
            return;
        }
        OptionalLong reached = positions.slowest(rebuild.processor());
        Progress progress = progress(state, reached);
        if (Instant.now().isAfter(lastLogged.plus(LOG_EVERY))) {
            LOG.infof("Episodes rebuild: %d events, %.0f events/s, position %d of %d, ETA %s s",
                    progress.eventsProcessed(), progress.eventsPerSecond(), progress.position(), progress.target(),
                    progress.etaSeconds());
            lastLogged = Instant.now();
        }
        if (reached.isPresent() && reached.getAsLong() >= rebuild.target()
                && slots.generations().switchToRebuilt(rebuild)) {
            slots.projections().forEach(EpisodeProjection::refresh);
            LOG.infof("Episodes read model rebuilt: generation %d is live (%d events)", rebuild.generation(),
                    progress.eventsProcessed());
        }
    }
}
