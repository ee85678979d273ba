package fr.contact.eds.platform.consistency;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import fr.contact.eds.platform.axon.AxonRuntime;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * How far a processor has got over all of its segments, wherever they run: a segment this instance processes
 * reports its live position; a segment another replica holds reports what its holder last published, or the token
 * it last stored, whichever is further (the shared token store in the service's database, see
 * {@link ProcessorTokens}). The slowest segment is the processor's position; while a read model is rebuilt, that is
 * how far the rebuild got.
 */
@Singleton
public class ProcessorPositions {

    /** A segment without a token starts at the tail: it has passed nothing yet. */
    private static final long BEFORE_FIRST_EVENT = -1;

    private final AxonRuntime runtime;
    private final MongoCollection<Document> tokens;

    @Inject
    public ProcessorPositions(AxonRuntime runtime, MongoDatabase readModel) {
        this.runtime = runtime;
        this.tokens = readModel.getCollection(ProcessorTokens.COLLECTION);
    }

    /**
     * The position every segment of {@code processor} has passed (-1 before the first event), or empty when that is
     * unknown: the processor does not exist, does not run here, or has no segment yet.
     */
    public OptionalLong slowest(String processor) {
        var found = runtime.configuration().eventProcessingConfiguration()
                .eventProcessor(processor, StreamingEventProcessor.class);
        if (found.isEmpty() || !found.get().isRunning()) {
            return OptionalLong.empty();
        }
        // A replaying segment's position is how far it has re-projected: a rebuilt model is complete up to there.
        Map<Integer, EventTrackerStatus> live = found.get().processingStatus();
        long slowest = Long.MAX_VALUE;
        boolean any = false;
        for (Document stored : tokens.find(Filters.eq(ProcessorTokens.PROCESSOR, processor))) {
            int segment = stored.getInteger(ProcessorTokens.SEGMENT);
            EventTrackerStatus here = live.get(segment);
            OptionalLong position = here != null ? here.getCurrentPosition() : positionOf(stored);
            slowest = Math.min(slowest, position.orElse(BEFORE_FIRST_EVENT));
            any = true;
        }
        return any ? OptionalLong.of(slowest) : OptionalLong.empty();
    }

    private OptionalLong positionOf(Document stored) {
        OptionalLong fromToken = storedTokenPosition(stored);
        Number reached = stored.get(ProcessorTokens.REACHED, Number.class);
        if (reached == null) {
            return fromToken;
        }
        return OptionalLong.of(Math.max(reached.longValue(), fromToken.orElse(BEFORE_FIRST_EVENT)));
    }

    private OptionalLong storedTokenPosition(Document stored) {
        Binary token = stored.get("token", Binary.class);
        if (token == null) {
            return OptionalLong.empty();
        }
        TrackingToken deserialized = runtime.configuration().serializer().deserialize(
                new SimpleSerializedObject<>(token.getData(), byte[].class, stored.getString("tokenType"), null));
        return deserialized == null ? OptionalLong.empty() : deserialized.position();
    }
}
