package fr.contact.eds.auditproof;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashing of RFC 6962 / RFC 9162 section 2.1: SHA-256, leaves prefixed with 0x00 and interior nodes with 0x01, so
 * that a leaf can never pass for a node (second-preimage resistance).
 */
public final class MerkleHashes {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHashes() {}

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        return digest.digest(leaf);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    /** The size of the left subtree of a tree of {@code n > 1} leaves: the largest power of two below n. */
    public static long split(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("A tree of " + n + " leaves has no split");
        }
        return Long.highestOneBit(n - 1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
