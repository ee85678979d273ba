package fr.contact.eds.auditproof;

import static fr.contact.eds.auditproof.Rfc6962Vectors.hashes;
import static fr.contact.eds.auditproof.Rfc6962Vectors.leafHash;
import static fr.contact.eds.auditproof.Rfc6962Vectors.root;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleProofVerificationTest {

    @Test
    void hashesTreesOfEverySizeToTheReferenceRoots() {
        CompactRange range = new CompactRange();
        assertThat(Hex.of(range.root())).isEqualTo(Rfc6962Vectors.ROOTS.get(0));
        for (int i = 0; i < Rfc6962Vectors.LEAVES.size(); i++) {
            range.append(leafHash(i));
            assertThat(Hex.of(range.root())).as("root of %d leaves", i + 1).isEqualTo(Rfc6962Vectors.ROOTS.get(i + 1));
        }
    }

    @Test
    void resumesATreeFromTheEdgeItLeft() {
        CompactRange whole = new CompactRange();
        for (int i = 0; i < 5; i++) {
            whole.append(leafHash(i));
        }
        CompactRange resumed = new CompactRange(whole.size(), whole.edge());
        for (int i = 5; i < 8; i++) {
            resumed.append(leafHash(i));
        }
        assertThat(resumed.root()).isEqualTo(root(8));
    }

    @Test
    void reportsTheSubtreesEachLeafCompletes() {
        CompactRange range = new CompactRange();
        for (int i = 0; i < 7; i++) {
            range.append(leafHash(i));
        }
        List<CompactRange.Node> completed = range.append(leafHash(7));
        assertThat(completed).extracting(CompactRange.Node::level).containsExactly(1, 2, 3);
        assertThat(completed.get(2).hash()).isEqualTo(root(8));
    }

    @Test
    void acceptsTheReferenceInclusionProofs() {
        assertThat(Proofs.verifyInclusion(leafHash(0), 0, 8, hashes(Rfc6962Vectors.INCLUSION_0_OF_8), root(8)))
                .isTrue();
        assertThat(Proofs.verifyInclusion(leafHash(5), 5, 8, hashes(Rfc6962Vectors.INCLUSION_5_OF_8), root(8)))
                .isTrue();
        assertThat(Proofs.verifyInclusion(leafHash(0), 0, 1, List.of(), root(1))).isTrue();
    }

    @Test
    void rejectsAnInclusionProofForAnotherLeafIndexSizeOrPath() {
        List<byte[]> path = hashes(Rfc6962Vectors.INCLUSION_5_OF_8);
        assertThat(Proofs.verifyInclusion(leafHash(4), 5, 8, path, root(8))).isFalse();
        assertThat(Proofs.verifyInclusion(leafHash(5), 4, 8, path, root(8))).isFalse();
        assertThat(Proofs.verifyInclusion(leafHash(5), 5, 6, path, root(8))).isFalse();
        assertThat(Proofs.verifyInclusion(leafHash(5), 5, 8, path.subList(0, 2), root(8))).isFalse();
        assertThat(Proofs.verifyInclusion(leafHash(5), 8, 8, path, root(8))).isFalse();
        List<byte[]> tampered = new ArrayList<>(path);
        tampered.set(1, leafHash(1));
        assertThat(Proofs.verifyInclusion(leafHash(5), 5, 8, tampered, root(8))).isFalse();
    }

    @Test
    void acceptsTheReferenceConsistencyProofs() {
        assertThat(Proofs.verifyConsistency(1, 8, root(1), root(8), hashes(Rfc6962Vectors.CONSISTENCY_1_TO_8)))
                .isTrue();
        assertThat(Proofs.verifyConsistency(6, 8, root(6), root(8), hashes(Rfc6962Vectors.CONSISTENCY_6_TO_8)))
                .isTrue();
        assertThat(Proofs.verifyConsistency(2, 5, root(2), root(5), hashes(Rfc6962Vectors.CONSISTENCY_2_TO_5)))
                .isTrue();
        assertThat(Proofs.verifyConsistency(8, 8, root(8), root(8), List.of())).isTrue();
    }

    @Test
    void rejectsAConsistencyProofBetweenTreesThatDoNotExtendEachOther() {
        List<byte[]> proof = hashes(Rfc6962Vectors.CONSISTENCY_6_TO_8);
        assertThat(Proofs.verifyConsistency(6, 8, root(5), root(8), proof)).isFalse();
        assertThat(Proofs.verifyConsistency(6, 8, root(6), root(7), proof)).isFalse();
        assertThat(Proofs.verifyConsistency(5, 8, root(5), root(8), proof)).isFalse();
        assertThat(Proofs.verifyConsistency(6, 8, root(6), root(8), proof.subList(0, 2))).isFalse();
        assertThat(Proofs.verifyConsistency(8, 8, root(8), root(7), List.of())).isFalse();
        assertThat(Proofs.verifyConsistency(8, 6, root(8), root(6), proof)).isFalse();
    }
}
