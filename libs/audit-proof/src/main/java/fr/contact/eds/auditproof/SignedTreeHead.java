package fr.contact.eds.auditproof;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The log's signed statement that, at {@code issuedAt}, it held {@code treeSize} entries with root {@code rootHash}
 * (hex). The signature (Ed25519, base64) covers {@link #signedContent}: a fixed text form, so any implementation can
 * check it without sharing this code.
 */
public record SignedTreeHead(long treeSize, String rootHash, Instant issuedAt, String signature) {

    private static final String FORMAT = "contact-eds-audit-tree-head/v1";

    public SignedTreeHead {
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must not be negative");
        }
    }

    public static SignedTreeHead sign(long treeSize, byte[] rootHash, Instant issuedAt, PrivateKey key) {
        SignedTreeHead unsigned = new SignedTreeHead(treeSize, Hex.of(rootHash), issuedAt, "");
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(unsigned.signedContent());
            return new SignedTreeHead(treeSize, unsigned.rootHash(), issuedAt,
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the tree head with an Ed25519 key: " + e.getMessage(), e);
        }
    }

    /** "contact-eds-audit-tree-head/v1\n{treeSize}\n{rootHash hex}\n{issuedAt epoch milliseconds}\n", UTF-8. */
    public byte[] signedContent() {
        return (FORMAT + "\n" + treeSize + "\n" + rootHash + "\n" + issuedAt.toEpochMilli() + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public boolean verifies(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signedContent());
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public byte[] root() {
        return Hex.parse(rootHash);
    }
}
