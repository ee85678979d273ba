package fr.contact.eds.catalog.projects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.contact.eds.testing.ArbitraryEvents;
import fr.contact.eds.testing.MemoryMongo;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Every project, CSE and permit event with every value its type allows: the projects projection and the views read
 * from what it wrote never fail, or one odd decision would freeze every project's state behind it.
 */
class ProjectProjectionTotalityTest {

    @Test
    void handlesEveryValueItsEventTypesAllowAndReadsBackWhatItWrote() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (long seed = 1; seed <= 5; seed++) {
            var projects = MemoryMongo.freshDatabase("projects-totality").getCollection("projects");
            assertThat(new ArbitraryEvents(seed).feed(new ProjectProjection(projects, json), 400)).isGreaterThan(8);
            Projects views = new Projects(projects, json);
            for (Document project : projects.find()) {
                long fixedSeed = seed;
                assertThat(views.byId(project.getString("_id"))).as("seed %d: %s", fixedSeed, project.toJson())
                        .isPresent();
            }
            assertThat(views.list(null, List.of())).doesNotContainNull();
            assertThat(views.list(null, Projects.PUBLIC)).doesNotContainNull();
        }
    }
}
