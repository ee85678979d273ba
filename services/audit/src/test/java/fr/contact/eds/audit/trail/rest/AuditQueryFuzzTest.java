package fr.contact.eds.audit.trail.rest;

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

/** The DPO's queries over the trail and its proofs, given hostile values: an answer or a problem, never a 5xx. */
@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class AuditQueryFuzzTest {

    @Inject
    AxonRuntime axon;

    @Test
    void answersEveryHostileQueryWithEntriesOrAProblemNamingIt() {
        String dpo = TestTokens.bearer(Roles.DPO);
        List<Target> targets = List.of(
                Target.query("/audit/entries", dpo, Map.ofEntries(Map.entry("from", "2026-01-01T00:00:00Z"),
                        Map.entry("to", "2026-12-31T00:00:00Z"), Map.entry("limit", "10"),
                        Map.entry("action", "READ"), Map.entry("role", "dpo"), Map.entry("purpose", "x"),
                        Map.entry("patient", "v1.p"), Map.entry("actor", "someone"))),
                Target.query("/audit/proofs/inclusion", dpo, Map.of("entry", "e-1", "treeSize", "1")),
                Target.query("/audit/proofs/consistency", dpo, Map.of("from", "1", "to", "2")),
                Target.query("/audit/tree-heads", dpo, Map.of("limit", "5")));

        ApiFuzz.run(targets, ApiFuzz.casesPerTarget(120), ApiFuzz.seed(), () -> axon.engine().headPosition());
    }
}
