package fr.contact.eds.platform.consistency;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import fr.contact.eds.platform.axon.AxonRuntime;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * Spreads each processor's segments over the service's replicas. Axon lets the first instance to start claim every
 * free segment and never gives one back, so a second replica only waited for the first to die. Every instance says
 * it is alive in the service's {@code replicas} collection; one holding more than its fair share of a processor's
 * segments (all of them, divided by the live replicas, rounded up) releases the surplus for a while, and a replica
 * below its share claims free segments, and those whose holder stopped renewing its claim.
 */
@Singleton
public class SegmentBalancer {

    private static final Logger LOG = Logger.getLogger(SegmentBalancer.class);
    private static final long EVERY_MILLIS = 2000;
    /** An instance not heard of for this long is gone: its share goes back to the others. */
    private static final long ALIVE_MILLIS = 3 * EVERY_MILLIS;

    private final AxonRuntime runtime;
    private final MongoCollection<Document> replicas;
    private final MongoCollection<Document> tokens;
    private final ScheduledExecutorService balancer = Executors
            .newSingleThreadScheduledExecutor(r -> new Thread(r, "segment-balancer"));

    @Inject
    public SegmentBalancer(AxonRuntime runtime, MongoDatabase readModel) {
        this.runtime = runtime;
        this.replicas = readModel.getCollection("replicas");
        this.tokens = readModel.getCollection(ProcessorTokens.COLLECTION);
    }

    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent event) {
        balancer.scheduleWithFixedDelay(this::balance, 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        balancer.shutdownNow();
        try {
            replicas.deleteOne(eq("_id", runtime.nodeId()));
        } catch (RuntimeException e) {
            LOG.debugf("Could not say this replica is gone; the others will notice: %s", e.getMessage());
        }
    }

    void balance() {
        try {
            replicas.replaceOne(eq("_id", runtime.nodeId()), new Document("seenAt", new Date()),
                    new ReplaceOptions().upsert(true));
            long live = Math.max(1, replicas.countDocuments(gte("seenAt",
                    new Date(System.currentTimeMillis() - ALIVE_MILLIS))));
            for (StreamingEventProcessor processor : runtime.runningSharedProcessors()) {
                rebalance(processor, live);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Balancing segments failed, retrying");
        }
    }

    private void rebalance(StreamingEventProcessor processor, long live) {
        long segments = tokens.countDocuments(eq(ProcessorTokens.PROCESSOR, processor.getName()));
        long share = (segments + live - 1) / live;
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        for (int i = (int) share; i < held.size(); i++) {
            // Released for a few rounds, so that a replica below its share, not this one, takes it.
            processor.releaseSegment(held.get(i), 4 * EVERY_MILLIS, TimeUnit.MILLISECONDS);
            LOG.infof("Released segment %d of %s: %d held here, a fair share is %d over %d replicas",
                    held.get(i), processor.getName(), held.size(), share, live);
        }
        // Axon's own claim round does not always come while events keep arriving: a segment left by a killed
        // instance is asked for here as soon as its claim has lapsed.
        long lapsedBefore = System.currentTimeMillis() - AxonRuntime.CLAIM_TIMEOUT.toMillis();
        long room = share - held.size();
        for (Document free : tokens.find(and(eq(ProcessorTokens.PROCESSOR, processor.getName()),
                or(eq(ProcessorTokens.OWNER, null), lt(ProcessorTokens.TIMESTAMP, lapsedBefore))))) {
            int segment = free.getInteger(ProcessorTokens.SEGMENT);
            if (room-- <= 0) {
                break;
            }
            if (!held.contains(segment)) {
                processor.claimSegment(segment);
                LOG.infof("Claiming segment %d of %s, free or left by a stopped instance", segment,
                        processor.getName());
            }
        }
    }
}
