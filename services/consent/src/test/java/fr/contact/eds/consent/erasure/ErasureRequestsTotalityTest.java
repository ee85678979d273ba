package fr.contact.eds.consent.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import fr.contact.eds.testing.ArbitraryEvents;
import fr.contact.eds.testing.MemoryMongo;
import org.junit.jupiter.api.Test;

/** The DPO office's list of erasure requests, fed every value its event types allow. */
class ErasureRequestsTotalityTest {

    @Test
    void handlesEveryValueItsEventTypesAllow() {
        for (long seed = 1; seed <= 5; seed++) {
            ErasureRequests requests = new ErasureRequests(MemoryMongo.freshDatabase("erasure-requests-totality"),
                    () -> {
                        throw new IllegalStateException("no event store in this test");
                    });
            assertThat(new ArbitraryEvents(seed).feed(requests, 300)).isEqualTo(3);
            for (String status : new String[]{"pending", "confirmed", "refused"}) {
                assertThat(requests.withStatus(status)).allSatisfy(r -> assertThat(r.reference()).isNotNull());
            }
            assertThat(requests.byReference("k-1")).isNotNull();
        }
    }
}
