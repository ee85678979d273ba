package fr.contact.eds.auditproof;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing tree: the roots of its perfect subtrees, largest first (at most one per bit of the
 * size). Appending a leaf merges equal-sized subtrees like a binary counter, so a tree of any size is hashed in one
 * pass with O(log n) memory, and its root is the right-to-left fold of the edge (RFC 6962 section 2.1).
 */
public final class CompactRange {

    private final List<byte[]> hashes = new ArrayList<>();
    private long size;

    public CompactRange() {}

    /**
     * Resumes a tree of {@code size} leaves from the roots of its perfect subtrees, largest first: one per bit set in
     * the size, e.g. subtrees of 8, 4 and 1 leaves for 13.
     */
    public CompactRange(long size, List<byte[]> perfectSubtrees) {
        if (Long.bitCount(size) != perfectSubtrees.size()) {
            throw new IllegalArgumentException("A tree of " + size + " leaves has " + Long.bitCount(size)
                    + " perfect subtrees on its edge, not " + perfectSubtrees.size());
        }
        this.size = size;
        hashes.addAll(perfectSubtrees);
    }

    /** Appends a leaf hash; returns the perfect subtrees this completed, as {level, hash} from level 1 up. */
    public List<Node> append(byte[] leafHash) {
        List<Node> completed = new ArrayList<>();
        long index = size;
        byte[] hash = leafHash;
        hashes.add(hash);
        size++;
        for (int level = 1; (index & 1) == 1; level++) {
            byte[] right = hashes.remove(hashes.size() - 1);
            byte[] left = hashes.remove(hashes.size() - 1);
            hash = MerkleHashes.nodeHash(left, right);
            hashes.add(hash);
            index >>= 1;
            completed.add(new Node(level, index, hash));
        }
        return completed;
    }

    /** The perfect subtrees of the edge, largest first: with {@link #size} all it takes to resume. */
    public List<byte[]> edge() {
        return List.copyOf(hashes);
    }

    public long size() {
        return size;
    }

    public byte[] root() {
        if (hashes.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = MerkleHashes.nodeHash(hashes.get(i), root);
        }
        return root;
    }

    /** The root of the perfect subtree covering leaves {@code [index * 2^level, (index + 1) * 2^level)}. */
    public record Node(int level, long index, byte[] hash) {}
}
