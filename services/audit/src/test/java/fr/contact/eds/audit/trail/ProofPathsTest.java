package fr.contact.eds.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;

import fr.contact.eds.auditproof.CompactRange;
import fr.contact.eds.auditproof.Hex;
import fr.contact.eds.auditproof.MerkleHashes;
import fr.contact.eds.auditproof.Proofs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProofPathsTest {

    private static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    @Test
    void buildsTheReferenceProofsOfRfc6962() {
        ProofPaths paths = new ProofPaths(subtreesOf(referenceLeaves()));
        assertThat(hex(paths.inclusion(0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(paths.inclusion(5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(paths.consistency(6, 8))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(paths.consistency(2, 5))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(Hex.of(paths.root(7)))
                .isEqualTo("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c");
    }

    @Test
    void everyProofOfEveryTreeUpTo40LeavesVerifies() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            leaves.add(MerkleHashes.leafHash(new byte[]{(byte) i, (byte) (i * 7)}));
        }
        ProofPaths paths = new ProofPaths(subtreesOf(leaves));
        for (int n = 1; n <= leaves.size(); n++) {
            byte[] root = paths.root(n);
            for (int m = 0; m < n; m++) {
                assertThat(Proofs.verifyInclusion(leaves.get(m), m, n, paths.inclusion(m, n), root))
                        .as("leaf %d of %d", m, n).isTrue();
                assertThat(Proofs.verifyConsistency(m + 1, n, paths.root(m + 1), root, paths.consistency(m + 1, n)))
                        .as("consistency %d to %d", m + 1, n).isTrue();
            }
        }
    }

    @Test
    void needsLogarithmicallyManySubtreesPerProof() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            leaves.add(MerkleHashes.leafHash(new byte[]{(byte) i, (byte) (i >> 8)}));
        }
        Subtrees all = subtreesOf(leaves);
        int[] reads = new int[1];
        ProofPaths counting = new ProofPaths((level, index) -> {
            reads[0]++;
            return all.hash(level, index);
        });
        counting.inclusion(617, 1000);
        counting.consistency(333, 1000);
        assertThat(reads[0]).isLessThanOrEqualTo(2 * 2 * 10);
    }

    private static List<byte[]> referenceLeaves() {
        return LEAVES.stream().map(h -> MerkleHashes.leafHash(Hex.parse(h))).toList();
    }

    /** Perfect subtrees as the log stores them, computed by appending every leaf. */
    static Subtrees subtreesOf(List<byte[]> leaves) {
        Map<String, byte[]> nodes = new HashMap<>();
        CompactRange range = new CompactRange();
        for (int i = 0; i < leaves.size(); i++) {
            nodes.put("0/" + i, leaves.get(i));
            range.append(leaves.get(i)).forEach(n -> nodes.put(n.level() + "/" + n.index(), n.hash()));
        }
        return (level, index) -> nodes.get(level + "/" + index);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hex::of).toList();
    }
}
