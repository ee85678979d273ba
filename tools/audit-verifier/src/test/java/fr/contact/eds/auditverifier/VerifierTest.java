package fr.contact.eds.auditverifier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.contact.eds.auditproof.Ed25519Keys;
import fr.contact.eds.auditproof.SignedTreeHead;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class VerifierTest {

    private final KeyPair keys = Ed25519Keys.generate();
    private final Verifier verifier = new Verifier(keys.getPublic());

    private record Log(String text, SignedTreeHead head) {}

    private Log log(long size, long purgedBefore) throws IOException {
        StringWriter out = new StringWriter();
        SignedTreeHead head = SyntheticLog.write(out, size, purgedBefore, keys.getPrivate());
        return new Log(out.toString(), head);
    }

    private Findings check(Log log, String text) throws IOException {
        Findings findings = new Findings();
        verifier.checkSignature(log.head(), findings);
        verifier.checkLog(log.head(), new StringReader(text), findings);
        return findings;
    }

    @Test
    void passesAWholeLogWithPurgedEntries() throws IOException {
        Log log = log(37, 10);
        Findings findings = check(log, log.text());
        assertThat(findings.failures()).isEmpty();
        assertThat(findings.passed()).anySatisfy(p -> assertThat(p).contains("all 37 entries (10 purged"));
    }

    @Test
    void namesTheEntryWhoseContentChanged() throws IOException {
        Log log = log(20, 0);
        String altered = log.text().replace("\"actorSubject\":\"researcher-13\"", "\"actorSubject\":\"nobody\"");
        assertThat(check(log, altered).failures()).singleElement().asString()
                .startsWith("entry 13 (access access-13) was altered");
    }

    @Test
    void namesAnEntryMissingAfterThePurgeHorizon() throws IOException {
        Log log = log(20, 5);
        String deleted = log.text().replaceFirst(",\"entry\":\\{\"leafIndex\":7,[^}]*}", "");
        assertThat(check(log, deleted).failures()).singleElement().asString().startsWith("entry 7 is missing");
    }

    @Test
    void failsWhenRecordedHashesNoLongerGiveTheSignedRoot() throws IOException {
        Log log = log(20, 20);
        String[] lines = log.text().split("\n");
        String swapped = lines[0] + "\n" + lines[2].replace("\"leafIndex\":1", "\"leafIndex\":0") + "\n"
                + lines[1].replace("\"leafIndex\":0", "\"leafIndex\":1") + "\n"
                + String.join("\n", java.util.Arrays.copyOfRange(lines, 3, lines.length)) + "\n";
        assertThat(check(log, swapped).failures()).singleElement().asString()
                .contains("do not give the signed root");
    }

    @Test
    void rejectsAHeadSignedByAnotherKey() throws IOException {
        Log log = log(3, 0);
        Findings findings = new Findings();
        new Verifier(Ed25519Keys.generate().getPublic()).checkSignature(log.head(), findings);
        assertThat(findings.failures()).singleElement().asString().contains("is not signed by the audit key");
    }

    @Test
    void explainsItsUsage() {
        var err = new java.io.ByteArrayOutputStream();
        assertThat(VerifyAudit.run(new String[]{"--url"}, System.out, new java.io.PrintStream(err))).isEqualTo(2);
        assertThat(err.toString()).contains("usage: audit-verifier");
    }
}
