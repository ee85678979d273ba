package fr.contact.eds.audit.trail.rest;

import static fr.contact.eds.audit.trail.rest.AuditEntryResourceTest.asDpo;
import static fr.contact.eds.audit.trail.rest.AuditTrailFixture.TEST_PUBLIC_KEY;
import static fr.contact.eds.audit.trail.rest.AuditTrailFixture.reads;
import static fr.contact.eds.audit.trail.rest.AuditTrailFixture.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import fr.contact.eds.audit.proofs.AuditIntegrity;
import fr.contact.eds.audit.trail.AuditLog;
import fr.contact.eds.auditproof.AuditLeaf;
import fr.contact.eds.auditproof.Ed25519Keys;
import fr.contact.eds.auditproof.Hex;
import fr.contact.eds.auditproof.Proofs;
import fr.contact.eds.auditproof.SignedTreeHead;
import fr.contact.eds.auditverifier.VerifyAudit;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.mongodb.MongoClientName;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The independent verifier against the running service, before and after someone changes the store directly. */
@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class TrailVerificationTest {

    @Inject
    EventStore eventStore;
    @Inject
    AuditLog log;
    @Inject
    AuditIntegrity integrity;
    @Inject
    @MongoClientName("audit")
    MongoClient mongo;

    @TestHTTPResource("/")
    URL service;

    private MongoCollection<Document> storedEntries() {
        return mongo.getDatabase("contact-audit-trail").getCollection("auditEntries");
    }

    private record Outcome(int status, String output) {}

    private Outcome verify(String... extra) {
        List<String> args = new ArrayList<>(List.of("--url", service.toString(), "--token",
                TestTokens.forRole(Roles.DPO), "--public-key", TEST_PUBLIC_KEY));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifyAudit.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8));
    }

    private long leafIndexOf(AccessRecordedEvent access) {
        return log.entryByAccessId(access.accessId()).orElseThrow().leafIndex();
    }

    private static void signHead() {
        asDpo().post("/audit/tree-heads").then().statusCode(200);
    }

    @Test
    void passesOnTheUntouchedTrailAndProvesItOnlyGrows() throws Exception {
        List<AccessRecordedEvent> first = recorded(eventStore, log, reads("r-" + UUID.randomUUID(), 3));
        Path saved = Files.createTempFile("head", ".json");
        signHead();
        Outcome before = verify("--save-head", saved.toString(), "--entry", first.get(0).accessId());
        assertThat(before.status()).as(before.output()).isZero();

        recorded(eventStore, log, reads("r-" + UUID.randomUUID(), 4));
        signHead();
        Outcome after = verify("--previous-head", saved.toString(), "--full", "--entry",
                Long.toString(leafIndexOf(first.get(2))));
        assertThat(after.status()).as(after.output()).isZero();
        assertThat(after.output()).contains("extends the one of size", "match the signed tree head",
                "is in the signed tree");
    }

    @Test
    void failsNamingTheEntryAlteredInTheStore() {
        AccessRecordedEvent target = recorded(eventStore, log, reads("r-" + UUID.randomUUID(), 2)).get(1);
        long index = leafIndexOf(target);
        signHead();
        storedEntries().updateOne(Filters.eq("_id", index), Updates.set("purpose", "nothing to see"));
        try {
            Outcome outcome = verify("--full", "--entry", target.accessId());
            assertThat(outcome.status()).isEqualTo(1);
            assertThat(outcome.output()).contains("entry " + index + " (access " + target.accessId() + ") was altered")
                    .contains("entry " + target.accessId() + " (index " + index + ") is not in the signed tree");
            assertThat(integrity.check()).anySatisfy(v -> assertThat(v).startsWith("entry " + index + " (access"));
        } finally {
            storedEntries().updateOne(Filters.eq("_id", index), Updates.set("purpose", "research"));
        }
        assertThat(integrity.check()).isEmpty();
    }

    @Test
    void failsNamingTheEntryDeletedFromTheStore() {
        AccessRecordedEvent target = recorded(eventStore, log, reads("r-" + UUID.randomUUID(), 2)).get(0);
        long index = leafIndexOf(target);
        signHead();
        Document removed = storedEntries().findOneAndDelete(Filters.eq("_id", index));
        try {
            Outcome outcome = verify("--full");
            assertThat(outcome.status()).isEqualTo(1);
            assertThat(outcome.output()).contains("entry " + index + " is missing");
        } finally {
            storedEntries().insertOne(removed);
        }
        assertThat(verify("--full").status()).isZero();
    }

    @Test
    void failsNamingBothEntriesWhenTwoAreSwapped() {
        List<AccessRecordedEvent> pair = recorded(eventStore, log, reads("r-" + UUID.randomUUID(), 2));
        long first = leafIndexOf(pair.get(0));
        long second = leafIndexOf(pair.get(1));
        signHead();
        Document a = storedEntries().findOneAndDelete(Filters.eq("_id", first));
        Document b = storedEntries().findOneAndDelete(Filters.eq("_id", second));
        storedEntries().insertOne(new Document(a).append("_id", second));
        storedEntries().insertOne(new Document(b).append("_id", first));
        try {
            Outcome outcome = verify("--full");
            assertThat(outcome.status()).isEqualTo(1);
            assertThat(outcome.output()).contains("entry " + first + " (access " + pair.get(1).accessId() + ")")
                    .contains("entry " + second + " (access " + pair.get(0).accessId() + ")");
        } finally {
            storedEntries().deleteMany(Filters.in("_id", first, second));
            storedEntries().insertMany(List.of(a, b));
        }
    }

    @Test
    void servesProofsThatCheckWithoutTheVerifier() {
        AccessRecordedEvent target = recorded(eventStore, log, reads("r-" + UUID.randomUUID(), 1)).get(0);
        JsonPath head = asDpo().post("/audit/tree-heads").then().statusCode(200).extract().jsonPath();
        SignedTreeHead signed = new SignedTreeHead(head.getLong("treeSize"), head.getString("rootHash"),
                java.time.Instant.parse(head.getString("issuedAt")), head.getString("signature"));
        assertThat(signed.verifies(Ed25519Keys.publicKey(TEST_PUBLIC_KEY))).isTrue();
        asDpo().get("/audit/public-key").then().body("publicKey", org.hamcrest.Matchers.equalTo(TEST_PUBLIC_KEY));

        JsonPath proof = asDpo().queryParam("entry", target.accessId()).queryParam("treeSize", signed.treeSize())
                .get("/audit/proofs/inclusion").then().statusCode(200).extract().jsonPath();
        Map<String, Object> entry = proof.getMap("entry");
        byte[] leaf = AuditLeaf.hash(entry::get);
        assertThat(Hex.of(leaf)).isEqualTo(proof.getString("leafHash"));
        assertThat(Proofs.verifyInclusion(leaf, proof.getLong("leafIndex"), signed.treeSize(),
                proof.getList("auditPath", String.class).stream().map(Hex::parse).toList(), signed.root())).isTrue();

        asDpo().queryParam("entry", "no-such-access").get("/audit/proofs/inclusion").then().statusCode(404);
        asDpo().queryParam("entry", "0").queryParam("treeSize", signed.treeSize() + 1000)
                .get("/audit/proofs/inclusion").then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("treeSize"));
        asDpo().queryParam("from", signed.treeSize() + 1).queryParam("to", signed.treeSize())
                .get("/audit/proofs/consistency").then().statusCode(400);
    }
}
