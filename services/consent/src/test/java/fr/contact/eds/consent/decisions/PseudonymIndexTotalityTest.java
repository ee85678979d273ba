package fr.contact.eds.consent.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.testing.ArbitraryEvents;
import fr.contact.eds.testing.MemoryMongo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index from any pseudonym to its patient, fed every value opposition events allow. */
class PseudonymIndexTotalityTest {

    @Test
    void handlesEveryValueItsEventTypesAllow() {
        for (long seed = 1; seed <= 5; seed++) {
            PseudonymIndex index = new PseudonymIndex(MemoryMongo.freshDatabase("pseudonym-index-totality"));
            assertThat(new ArbitraryEvents(seed).feed(index, 300)).isEqualTo(2);
            assertThat(index.patientOf(List.of(new PatientPseudonym("k-1"), new PatientPseudonym("k-2")))).isNotNull();
        }
    }
}
