package fr.contact.eds.catalog.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import fr.contact.eds.testing.ArbitraryEvents;
import fr.contact.eds.testing.MemoryMongo;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Every event type the research projection handles, with every value the type allows: the projection, and reading
 * back what it wrote as extracts do, never fail. One event it cannot handle would hold back every extract.
 */
class ResearchProjectionTotalityTest {

    @Test
    void handlesEveryValueItsEventTypesAllow() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            MongoDatabase db = MemoryMongo.freshDatabase("research-totality");
            assertThat(new ArbitraryEvents(seed).feed(new ResearchProjection(db), 400)).isGreaterThan(10);
            CareEpisodes episodes = new CareEpisodes(db);
            for (Document episode : db.getCollection(ResearchProjection.EPISODES).find()) {
                assertThat(CareEpisodes.modality(episode)).isNotNull();
                CareEpisodes.patientOf(episode);
                CareEpisodes.openedOn(episode);
            }
            assertThat(episodes.byPatientOpenedBetween(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z")))
                    .allSatisfy(episode -> assertThat(episode.get(CareEpisodes.OPENED_AT)).isNotNull());
            assertThat(episodes.span().records()).isNotNegative();
            assertThat(episodes.opposed("some-project")).doesNotContainNull();
        }
    }
}
