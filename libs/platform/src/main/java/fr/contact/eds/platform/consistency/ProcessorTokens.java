package fr.contact.eds.platform.consistency;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import fr.contact.eds.platform.axon.AxonRuntime;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * The shared token store as the replicas of a service coordinate through it. Axon stores a segment's token after a
 * batch it handled, and only every few seconds while the events go to other processors' handlers; a replica that
 * holds no segment would then wait seconds to know that a position was passed. So each instance publishes, within a
 * few milliseconds, how far every segment it holds has got, on that segment's own token document and only while it
 * still owns the claim. The same documents say who holds what, and a processor's tokens can be forgotten once no one
 * does.
 */
@Singleton
public class ProcessorTokens {

    /** MongoTokenStore's collection and fields (axon-mongo's defaults). */
    static final String COLLECTION = "trackingtokens";
    static final String PROCESSOR = "processorName";
    static final String SEGMENT = "segment";
    static final String OWNER = "owner";
    static final String TIMESTAMP = "timestamp";
    /** Ours: the position the owner's handlers have passed on that segment, ahead of the stored token. */
    static final String REACHED = "reachedPosition";

    private static final Logger LOG = Logger.getLogger(ProcessorTokens.class);
    private static final long PUBLISH_EVERY_MILLIS = 20;

    private final AxonRuntime runtime;
    private final MongoCollection<Document> tokens;
    private final Map<String, Long> published = new ConcurrentHashMap<>();
    private final ScheduledExecutorService publisher = Executors
            .newSingleThreadScheduledExecutor(r -> new Thread(r, "processor-positions"));

    @Inject
    public ProcessorTokens(AxonRuntime runtime, MongoDatabase readModel) {
        this.runtime = runtime;
        this.tokens = readModel.getCollection(COLLECTION);
    }

    void start(@Observes StartupEvent event) {
        publisher.scheduleWithFixedDelay(this::publish, PUBLISH_EVERY_MILLIS, PUBLISH_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        publisher.shutdownNow();
    }

    /** Publishes what changed since the last round; a write only when a segment held here has moved. */
    synchronized void publish() {
        try {
            for (StreamingEventProcessor processor : runtime.runningSharedProcessors()) {
                publish(processor);
            }
        } catch (RuntimeException e) {
            LOG.debugf("Publishing processor positions failed, retrying: %s", e.getMessage());
        }
    }

    private void publish(StreamingEventProcessor processor) {
        for (Map.Entry<Integer, EventTrackerStatus> segment : processor.processingStatus().entrySet()) {
            EventTrackerStatus status = segment.getValue();
            OptionalLong position = status.getCurrentPosition();
            String key = processor.getName() + "/" + segment.getKey();
            if (position.isEmpty() || status.isErrorState()
                    || Long.valueOf(position.getAsLong()).equals(published.get(key))) {
                continue;
            }
            // Only the claim's owner may say where the segment stands: a released or stolen claim matches nothing.
            tokens.updateOne(and(eq(PROCESSOR, processor.getName()), eq(SEGMENT, segment.getKey()),
                    eq(OWNER, runtime.nodeId())), Updates.set(REACHED, position.getAsLong()));
            published.put(key, position.getAsLong());
        }
    }

    /**
     * The instances holding a live claim on a segment of {@code processor}: other replicas, and this one while the
     * processor runs here.
     */
    public List<String> holders(String processor) {
        boolean runningHere = runtime.configuration().eventProcessingConfiguration()
                .eventProcessor(processor, StreamingEventProcessor.class).map(StreamingEventProcessor::isRunning)
                .orElse(false);
        long liveSince = System.currentTimeMillis() - AxonRuntime.CLAIM_TIMEOUT.toMillis();
        return tokens.find(and(eq(PROCESSOR, processor), ne(OWNER, null), gte(TIMESTAMP, liveSince)))
                .map(d -> d.getString(OWNER))
                .into(new java.util.ArrayList<>()).stream()
                .filter(owner -> runningHere || !owner.equals(runtime.nodeId()))
                .distinct().toList();
    }

    /**
     * Deletes the tokens of {@code processor}, which then starts again from the first event wherever it is started
     * next, and answers an empty list; unless some instance holds a segment, in which case nothing changes and the
     * holders are answered.
     */
    public synchronized List<String> forget(String processor) {
        List<String> holders = holders(processor);
        if (holders.isEmpty()) {
            tokens.deleteMany(eq(PROCESSOR, processor));
            published.keySet().removeIf(key -> key.startsWith(processor + "/"));
        }
        return holders;
    }

    /** After Axon reset the processor's tokens in place: the positions published before are no longer true. */
    public synchronized void forgetReached(String processor) {
        tokens.updateMany(eq(PROCESSOR, processor), Updates.unset(REACHED));
        published.keySet().removeIf(key -> key.startsWith(processor + "/"));
    }
}
