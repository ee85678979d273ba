package fr.contact.eds.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;

import fr.contact.eds.testing.ArbitraryEvents;
import fr.contact.eds.testing.MemoryMongo;
import org.junit.jupiter.api.Test;

/**
 * The trail fed access records with every value their type allows: every one is appended and can be read back with
 * its proof, for one record the trail could not take would stop every later access from being audited.
 */
class AuditTrailProjectionTotalityTest {

    @Test
    void appendsAndReadsBackEveryValueItsEventTypeAllows() {
        for (long seed = 1; seed <= 3; seed++) {
            AuditLog log = new AuditLog(MemoryMongo.freshDatabase("audit-totality"));
            assertThat(new ArbitraryEvents(seed).feed(new AuditTrailProjection(log), 200)).isEqualTo(1);
            assertThat(log.size()).isPositive();
            for (long leaf = 0; leaf < log.size(); leaf++) {
                assertThat(log.entry(leaf)).as("seed %d, leaf %d", seed, leaf).isPresent();
                assertThat(log.inclusion(leaf, log.size())).isNotNull();
            }
        }
    }
}
