package fr.contact.eds.episodes.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import fr.contact.eds.testing.ArbitraryEvents;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.Test;

/**
 * Every event type the projection handles, with every value the type allows (nulls, empty lists, unknown codes,
 * extreme dates): the projection and the queries on what it wrote never fail. One event they cannot handle would
 * park behind it everything else the processor reads.
 */
class EpisodeProjectionTotalityTest {

    private static final int EVENTS_PER_SEED = 400;

    private static List<Method> handlers() {
        return Arrays.stream(EpisodeProjection.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(EventHandler.class)).toList();
    }

    @Test
    void handlesEveryValueItsEventTypesAllow() throws Exception {
        List<Method> handlers = handlers();
        assertThat(handlers).hasSizeGreaterThan(10);
        for (long seed = 1; seed <= 5; seed++) {
            ArbitraryEvents arbitrary = new ArbitraryEvents(seed);
            MongoDatabase db = EpisodeEvents.freshDatabase();
            EpisodeProjection projection = new EpisodeProjection(db, () -> -1L);
            java.util.Random pick = new java.util.Random(seed);
            for (int i = 0; i < EVENTS_PER_SEED; i++) {
                Method handler = handlers.get(pick.nextInt(handlers.size()));
                @SuppressWarnings("unchecked")
                Object event = arbitrary.of((Class<? extends Record>) handler.getParameterTypes()[0]);
                Object[] args = handler.getParameterCount() == 2 ? new Object[]{event, ReplayStatus.REGULAR}
                        : new Object[]{event};
                handler.setAccessible(true);
                try {
                    handler.invoke(projection, args);
                } catch (InvocationTargetException e) {
                    throw new AssertionError("seed " + seed + ": " + handler.getName() + " failed on " + event,
                            e.getCause());
                }
            }
            EpisodeQueries queries = new EpisodeQueries(db);
            for (var doc : db.getCollection("episodes").find()) {
                Object id = doc.get("_id");
                try {
                    if (id instanceof String episodeId) {
                        queries.byId(episodeId);
                    }
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + ": reading " + doc.toJson() + " failed", e);
                }
            }
        }
    }
}
