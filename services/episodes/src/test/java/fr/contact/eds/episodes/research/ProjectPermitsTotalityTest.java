package fr.contact.eds.episodes.research;

import static org.assertj.core.api.Assertions.assertThat;

import fr.contact.eds.testing.ArbitraryEvents;
import fr.contact.eds.testing.MemoryMongo;
import org.junit.jupiter.api.Test;

/**
 * The permits episodes checks every research read against, fed every value project events allow: never a failure
 * (which would freeze every project's permit), and a permit without its period grants nothing.
 */
class ProjectPermitsTotalityTest {

    @Test
    void handlesEveryValueItsEventTypesAllow() {
        for (long seed = 1; seed <= 5; seed++) {
            ProjectPermits permits = new ProjectPermits(MemoryMongo.freshDatabase("permits-totality"));
            assertThat(new ArbitraryEvents(seed).feed(permits, 300)).isEqualTo(3);
            for (String projectId : new String[]{"k-1", "k-2", "k-3", ""}) {
                permits.of(projectId).ifPresent(found -> {
                    assertThat(found.permit().dataFrom()).isNotNull();
                    assertThat(found.state()).isNotNull();
                });
            }
        }
    }
}
