package fr.contact.eds.audit.proofs;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import fr.contact.eds.audit.trail.AuditLog;
import fr.contact.eds.auditproof.Ed25519Keys;
import fr.contact.eds.auditproof.SignedTreeHead;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Signs the trail's tree heads with the configured Ed25519 key and keeps every head it published, so a DPO can later
 * ask for the consistency of any two of them.
 */
public class TreeHeads {

    static final String HEADS = "treeHeads";

    private final AuditLog log;
    private final MongoCollection<Document> heads;
    private final Optional<PrivateKey> signingKey;
    private final Optional<PublicKey> publicKey;
    private final Clock clock;

    public TreeHeads(AuditLog log, MongoDatabase database, Optional<String> signingKey, Clock clock) {
        this.log = log;
        this.heads = database.getCollection(HEADS);
        this.signingKey = signingKey.filter(k -> !k.isBlank()).map(Ed25519Keys::privateKey);
        this.publicKey = this.signingKey.map(Ed25519Keys::publicKeyOf);
        this.clock = clock;
        heads.createIndex(Indexes.descending("treeSize", "issuedAt"));
    }

    public boolean canSign() {
        return signingKey.isPresent();
    }

    public Optional<PublicKey> publicKey() {
        return publicKey;
    }

    /** Signs the trail as it is now and keeps the head. */
    public synchronized SignedTreeHead signNow() {
        PrivateKey key = signingKey.orElseThrow(() -> new IllegalStateException(
                "No signing key configured (CONTACT_AUDIT_SIGNING_KEY): tree heads cannot be signed"));
        long size = log.size();
        SignedTreeHead head = SignedTreeHead.sign(size, log.root(size), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                key);
        heads.insertOne(new Document("treeSize", head.treeSize()).append("rootHash", head.rootHash())
                .append("issuedAt", Date.from(head.issuedAt())).append("signature", head.signature()));
        return head;
    }

    /** Signs a new head if the trail grew since the last one (or none was signed yet). */
    public Optional<SignedTreeHead> signIfGrown() {
        Optional<SignedTreeHead> latest = latest();
        if (latest.isPresent() && latest.get().treeSize() == log.size()) {
            return Optional.empty();
        }
        return Optional.of(signNow());
    }

    public Optional<SignedTreeHead> latest() {
        return Optional.ofNullable(heads.find().sort(Sorts.descending("treeSize", "issuedAt")).first())
                .map(TreeHeads::from);
    }

    /** Heads published, newest first. */
    public List<SignedTreeHead> recent(int limit) {
        List<SignedTreeHead> found = new ArrayList<>();
        heads.find().sort(Sorts.descending("treeSize", "issuedAt")).limit(limit).map(TreeHeads::from)
                .into(found);
        return found;
    }

    public Optional<SignedTreeHead> ofSize(long treeSize) {
        return Optional.ofNullable(heads.find(Filters.eq("treeSize", treeSize))
                .sort(Sorts.descending("issuedAt")).first()).map(TreeHeads::from);
    }

    private static SignedTreeHead from(Document d) {
        return new SignedTreeHead(((Number) d.get("treeSize")).longValue(), d.getString("rootHash"),
                d.getDate("issuedAt").toInstant(), d.getString("signature"));
    }
}
