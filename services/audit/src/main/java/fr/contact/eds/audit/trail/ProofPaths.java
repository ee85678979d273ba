package fr.contact.eds.audit.trail;

import fr.contact.eds.auditproof.MerkleHashes;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the proofs of RFC 6962 section 2.1 (audit paths, consistency proofs) and any tree root from stored perfect
 * subtrees: every range the recursion meets is a perfect subtree or the right edge of one, so each takes O(log n)
 * subtree hashes.
 */
final class ProofPaths {

    private final Subtrees subtrees;

    ProofPaths(Subtrees subtrees) {
        this.subtrees = subtrees;
    }

    byte[] root(long treeSize) {
        return treeSize == 0 ? MerkleHashes.emptyRoot() : hash(0, treeSize);
    }

    /** PATH(m, D[0:n]): siblings from the leaf up. */
    List<byte[]> inclusion(long leafIndex, long treeSize) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("Entry " + leafIndex + " is not in a tree of " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        inclusion(leafIndex, 0, treeSize, path);
        return path;
    }

    /** PROOF(m, D[0:n]). */
    List<byte[]> consistency(long firstSize, long secondSize) {
        if (firstSize < 0 || secondSize < firstSize) {
            throw new IllegalArgumentException("No consistency proof from " + firstSize + " to " + secondSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (firstSize > 0 && firstSize < secondSize) {
            subproof(firstSize, 0, secondSize, true, proof);
        }
        return proof;
    }

    private void inclusion(long m, long start, long end, List<byte[]> path) {
        if (end - start == 1) {
            return;
        }
        long k = MerkleHashes.split(end - start);
        if (m < start + k) {
            inclusion(m, start, start + k, path);
            path.add(hash(start + k, end));
        } else {
            inclusion(m, start + k, end, path);
            path.add(hash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean wholeOldTree, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!wholeOldTree) {
                proof.add(hash(start, end));
            }
            return;
        }
        long k = MerkleHashes.split(n);
        if (m <= k) {
            subproof(m, start, start + k, wholeOldTree, proof);
            proof.add(hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(hash(start, start + k));
        }
    }

    /** MTH(D[start:end]); {@code start} is aligned on the largest power of two not above the range's size. */
    private byte[] hash(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return subtrees.hash(level, start >> level);
        }
        long k = MerkleHashes.split(n);
        return MerkleHashes.nodeHash(hash(start, start + k), hash(start + k, end));
    }
}
