package fr.contact.eds.episodes.episodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import fr.contact.eds.testing.ArbitraryEvents;
import org.junit.jupiter.api.Test;

/**
 * Every event type the projection handles, with every value the type allows (nulls, empty lists, unknown codes,
 * extreme dates): the projection and the queries on what it wrote never fail. One event they cannot handle would
 * park behind it everything else the processor reads.
 */
class EpisodeProjectionTotalityTest {

    private static final int EVENTS_PER_SEED = 400;

    @Test
    void handlesEveryValueItsEventTypesAllow() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            MongoDatabase db = EpisodeEvents.freshDatabase();
            int handlers = new ArbitraryEvents(seed).feed(new EpisodeProjection(db), EVENTS_PER_SEED);
            assertThat(handlers).isGreaterThan(10);
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
