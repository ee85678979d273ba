package fr.contact.eds.episodes.episodes.rest;

import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.testing.ApiFuzz;
import fr.contact.eds.testing.ApiFuzz.Target;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every query parameter of episodes and indicators, given hostile values: an answer or a problem, never a 5xx. */
@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class EpisodeQueryFuzzTest {

    @Inject
    AxonRuntime axon;

    @Test
    void answersEveryHostileQueryWithResultsOrAProblemNamingIt() {
        String dpo = TestTokens.bearer(Roles.DPO);
        List<Target> targets = List.of(
                Target.query("/episodes", dpo, Map.ofEntries(Map.entry("from", "2026-01-01T00:00:00Z"),
                        Map.entry("to", "2026-02-01T00:00:00Z"), Map.entry("departement", "75"),
                        Map.entry("modality", "HOME_VISIT"), Map.entry("icpc2", "R78"),
                        Map.entry("outcome", "HOME"), Map.entry("ageBand", "65-74"), Map.entry("sort", "openedAt"),
                        Map.entry("limit", "10"), Map.entry("after", "0"))),
                Target.query("/indicators/daily", dpo, Map.of("from", "2026-01-01", "to", "2026-01-31")),
                Target.query("/indicators/weekly", dpo, Map.of("from", "2026-01-01", "to", "2026-03-31")));

        ApiFuzz.run(targets, ApiFuzz.casesPerTarget(120), ApiFuzz.seed(), () -> axon.engine().headPosition());
    }
}
