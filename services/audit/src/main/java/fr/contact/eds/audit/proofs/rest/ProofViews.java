package fr.contact.eds.audit.proofs.rest;

import fr.contact.eds.audit.trail.AuditEntry;
import java.util.List;

/** The proof format: hashes in lowercase hex, as the verifier and RFC 6962's test vectors write them. */
final class ProofViews {

    private ProofViews() {}

    /** {@code entry} is null once purged: the leaf hash still proves the entry was there. */
    record Inclusion(long leafIndex, long treeSize, String leafHash, List<String> auditPath, AuditEntry entry) {}

    record Consistency(long from, long to, List<String> proof) {}

    record PublicKeyView(String algorithm, String publicKey, String pem) {}
}
