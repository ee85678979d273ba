package fr.contact.eds.ingestion.gate;

import static org.assertj.core.api.Assertions.assertThat;

import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.testing.ArbitraryEvents;
import fr.contact.eds.testing.MemoryMongo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The consent gate fed every value opposition events allow (null or empty pseudonym lists among them): it never
 * throws, for a gate holding a dead letter closes intake for every association.
 */
class OppositionGateTotalityTest {

    @Test
    void handlesEveryValueItsEventTypesAllow() {
        for (long seed = 1; seed <= 5; seed++) {
            OppositionGate gate = new OppositionGate(MemoryMongo.freshDatabase("gate-totality"));
            assertThat(new ArbitraryEvents(seed).feed(gate, 300)).isEqualTo(2);
            assertThat(gate.opposedAmong(List.of(new PatientPseudonym("k-1"), new PatientPseudonym("k-2"))))
                    .doesNotContainNull();
        }
    }
}
