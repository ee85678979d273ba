package fr.contact.eds.auditverifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.contact.eds.auditproof.AuditLeaf;
import fr.contact.eds.auditproof.CompactRange;
import fr.contact.eds.auditproof.Hex;
import fr.contact.eds.auditproof.Proofs;
import fr.contact.eds.auditproof.SignedTreeHead;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks what the audit log claims against a public key the DPO holds, using only the proof format: a tree head's
 * signature, the inclusion of entries, the consistency of two heads, and the whole log entry by entry.
 */
public final class Verifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublicKey publicKey;

    public Verifier(PublicKey publicKey) {
        this.publicKey = publicKey;
    }

    public static SignedTreeHead head(JsonNode node) {
        return new SignedTreeHead(node.path("treeSize").asLong(), node.path("rootHash").asText(),
                Instant.parse(node.path("issuedAt").asText()), node.path("signature").asText());
    }

    public void checkSignature(SignedTreeHead head, Findings findings) {
        if (head.verifies(publicKey)) {
            findings.pass("tree head of size " + head.treeSize() + " issued " + head.issuedAt()
                    + " is signed by the audit key");
        } else {
            findings.fail("tree head of size " + head.treeSize() + " issued " + head.issuedAt()
                    + " is not signed by the audit key");
        }
    }

    public void checkConsistency(SignedTreeHead older, SignedTreeHead newer, TrailSource source, Findings findings)
            throws IOException {
        JsonNode proof = source.consistency(older.treeSize(), newer.treeSize());
        if (Proofs.verifyConsistency(older.treeSize(), newer.treeSize(), older.root(), newer.root(),
                hashes(proof.path("proof")))) {
            findings.pass("the tree of size " + newer.treeSize() + " extends the one of size " + older.treeSize()
                    + " (nothing before was changed or removed)");
        } else {
            findings.fail("the tree of size " + newer.treeSize() + " does not extend the one of size "
                    + older.treeSize() + ": entries before " + older.treeSize() + " were changed since");
        }
    }

    public void checkInclusion(String entry, SignedTreeHead head, TrailSource source, Findings findings)
            throws IOException {
        JsonNode proof = source.inclusion(entry, head.treeSize());
        long leafIndex = proof.path("leafIndex").asLong();
        JsonNode content = proof.path("entry");
        byte[] leaf = content.isObject() ? AuditLeaf.hash(name -> fieldOf(content, name))
                : Hex.parse(proof.path("leafHash").asText());
        if (Proofs.verifyInclusion(leaf, leafIndex, head.treeSize(), hashes(proof.path("auditPath")), head.root())) {
            findings.pass("entry " + entry + " (index " + leafIndex + ") is in the signed tree of size "
                    + head.treeSize() + (content.isObject() ? " as it reads now" : " (content purged, hash kept)"));
        } else {
            findings.fail("entry " + entry + " (index " + leafIndex + ") is not in the signed tree of size "
                    + head.treeSize() + " as it reads now: altered, moved or never logged");
        }
    }

    /**
     * Reads the whole log: every entry still kept must hash to the leaf recorded when it was appended, none may be
     * missing, and the recorded leaves must give the signed root.
     */
    public void checkLog(SignedTreeHead head, Reader log, Findings findings) throws IOException {
        try (BufferedReader lines = new BufferedReader(log, 1 << 16)) {
            String first = lines.readLine();
            if (first == null) {
                findings.fail("the log is empty, the head says " + head.treeSize() + " entries");
                return;
            }
            long purgedBefore = JSON.readTree(first).path("purgedBefore").asLong();
            CompactRange recorded = new CompactRange();
            int failuresBefore = findings.failures().size();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode node = JSON.readTree(line);
                long index = node.path("leafIndex").asLong();
                if (index != recorded.size()) {
                    findings.fail("the log skips from entry " + (recorded.size() - 1) + " to entry " + index
                            + ": the hashes in between are missing");
                    return;
                }
                byte[] leaf = Hex.parse(node.path("leafHash").asText());
                checkEntry(index, node.path("entry"), leaf, purgedBefore, findings);
                recorded.append(leaf);
            }
            if (recorded.size() != head.treeSize()) {
                findings.fail("the log has " + recorded.size() + " entries, the signed head " + head.treeSize());
            } else if (!Arrays.equals(recorded.root(), head.root())) {
                findings.fail("the recorded leaves do not give the signed root of size " + head.treeSize()
                        + ": hashes were changed in the store");
            } else if (findings.failures().size() == failuresBefore) {
                findings.pass("all " + head.treeSize() + " entries (" + purgedBefore
                        + " purged, hashes kept) match the signed tree head");
            }
        }
    }

    private static void checkEntry(long index, JsonNode entry, byte[] recorded, long purgedBefore, Findings findings) {
        if (entry.isObject()) {
            if (!Arrays.equals(AuditLeaf.hash(name -> fieldOf(entry, name)), recorded)) {
                findings.fail("entry " + index + " (access " + entry.path("accessId").asText()
                        + ") was altered, moved or replaced: it does not hash to the leaf recorded at index " + index);
            }
        } else if (index >= purgedBefore) {
            findings.fail("entry " + index + " is missing: deleted from the store, not purged");
        }
    }

    static Object fieldOf(JsonNode entry, String name) {
        JsonNode value = entry.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> values = new ArrayList<>();
            value.forEach(v -> values.add(v.asText()));
            return values;
        }
        return value.asText();
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(h -> hashes.add(Hex.parse(h.asText())));
        return hashes;
    }
}
