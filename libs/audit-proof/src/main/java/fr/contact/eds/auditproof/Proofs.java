package fr.contact.eds.auditproof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verification of inclusion and consistency proofs, as RFC 9162 sections 2.1.3.2 and 2.1.4.2 give it: each proof is
 * checked in O(log n) hashes against the roots alone, trusting nothing the log says about itself.
 */
public final class Proofs {

    private Proofs() {}

    /** Whether {@code leafHash} is the leaf at {@code leafIndex} of the tree of {@code treeSize} with {@code root}. */
    public static boolean verifyInclusion(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> path,
            byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHashes.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** Whether the tree of {@code secondSize} with {@code secondRoot} extends the one of {@code firstSize}. */
    public static boolean verifyConsistency(long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> proof) {
        if (firstSize < 0 || secondSize < firstSize) {
            return false;
        }
        if (firstSize == secondSize) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (firstSize == 0) {
            // Every tree extends the empty one.
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(firstSize) == 1) {
            path.add(0, firstRoot);
        }
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.nodeHash(c, fr);
                sr = MerkleHashes.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHashes.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }
}
