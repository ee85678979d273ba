package fr.contact.eds.consent.projects;

import static org.assertj.core.api.Assertions.assertThat;

import fr.contact.eds.testing.ArbitraryEvents;
import fr.contact.eds.testing.MemoryMongo;
import org.junit.jupiter.api.Test;

/** The projects consent knows of (for project oppositions), fed every value their event types allow. */
class KnownProjectsTotalityTest {

    @Test
    void handlesEveryValueItsEventTypesAllow() {
        for (long seed = 1; seed <= 5; seed++) {
            KnownProjects known = new KnownProjects(MemoryMongo.freshDatabase("known-projects-totality"));
            assertThat(new ArbitraryEvents(seed).feed(known, 300)).isGreaterThanOrEqualTo(3);
            assertThat(known.title("k-1")).isNotNull();
            assertThat(known.title("")).isNotNull();
        }
    }
}
