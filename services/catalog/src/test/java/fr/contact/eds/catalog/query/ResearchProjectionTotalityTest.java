package fr.contact.eds.catalog.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import fr.contact.eds.testing.ArbitraryEvents;
import fr.contact.eds.testing.MemoryMongo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Every event type the research projection handles, with every value the type allows: the projection, and reading
 * back what it wrote as extracts do, never fail. One event it cannot handle would hold back every extract.
 */
class ResearchProjectionTotalityTest {

    @Test
    void handlesEveryValueItsEventTypesAllow() throws Exception {
        List<Method> handlers = Arrays.stream(ResearchProjection.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(EventHandler.class)).toList();
        assertThat(handlers).hasSizeGreaterThan(10);
        for (long seed = 1; seed <= 5; seed++) {
            ArbitraryEvents arbitrary = new ArbitraryEvents(seed);
            MongoDatabase db = MemoryMongo.freshDatabase("research-totality");
            ResearchProjection projection = new ResearchProjection(db);
            Random pick = new Random(seed);
            for (int i = 0; i < 400; i++) {
                Method handler = handlers.get(pick.nextInt(handlers.size()));
                @SuppressWarnings("unchecked")
                Object event = arbitrary.of((Class<? extends Record>) handler.getParameterTypes()[0]);
                handler.setAccessible(true);
                try {
                    handler.invoke(projection, event);
                } catch (InvocationTargetException e) {
                    throw new AssertionError("seed " + seed + ": " + handler.getName() + " failed on " + event,
                            e.getCause());
                }
            }
            for (Document episode : db.getCollection(ResearchProjection.EPISODES).find()) {
                assertThat(ResearchProjection.modality(episode)).isNotNull();
            }
            assertThat(ResearchProjection.opposed(db, "some-project")).doesNotContainNull();
        }
    }
}
