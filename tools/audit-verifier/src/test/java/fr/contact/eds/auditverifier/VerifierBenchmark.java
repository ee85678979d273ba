package fr.contact.eds.auditverifier;

import fr.contact.eds.auditproof.Ed25519Keys;
import fr.contact.eds.auditproof.SignedTreeHead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long the verifier takes over a whole log of 1 M entries (target 10 s): read the NDJSON the service serves,
 * re-encode and hash every entry, rebuild the tree, check the signed root. The log is written to a temporary file
 * first (not timed). Run with {@code ./mvnw -pl tools/audit-verifier -am install -DskipTests} once, then
 * {@code ./mvnw -pl tools/audit-verifier -Pbench test} ({@code -Dbench.entries=} to size it); it prints figures.
 */
@Tag("bench")
class VerifierBenchmark {

    private static final long ENTRIES = Long.getLong("bench.entries", 1_000_000);

    @Test
    void verifiesAWholeLog() throws IOException {
        KeyPair keys = Ed25519Keys.generate();
        Path file = Files.createTempFile("audit-log", ".ndjson");
        try {
            SignedTreeHead head;
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                head = SyntheticLog.write(out, ENTRIES, 0, keys.getPrivate());
            }
            Verifier verifier = new Verifier(keys.getPublic());
            long start = System.nanoTime();
            Findings findings = new Findings();
            verifier.checkSignature(head, findings);
            verifier.checkLog(head, Files.newBufferedReader(file, StandardCharsets.UTF_8), findings);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("audit verifier benchmark: %d entries, %d MB of NDJSON%n", ENTRIES,
                    Files.size(file) >> 20);
            System.out.printf("  whole-log verification  %6.2f s  (%.0f entries/s), %s%n", seconds, ENTRIES / seconds,
                    findings.ok() ? "all checks passed" : "FAILED: " + findings.failures());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
