package fr.contact.eds.auditproof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignedTreeHeadTest {

    private final KeyPair keys = Ed25519Keys.generate();
    private final Instant issued = Instant.parse("2026-11-23T10:00:00.123Z");

    @Test
    void verifiesWithThePublicHalfOfTheSigningKey() {
        SignedTreeHead head = SignedTreeHead.sign(8, Rfc6962Vectors.root(8), issued, keys.getPrivate());
        assertThat(head.verifies(keys.getPublic())).isTrue();
        assertThat(head.verifies(Ed25519Keys.generate().getPublic())).isFalse();
    }

    @Test
    void failsWhenAnySignedFieldChanges() {
        SignedTreeHead head = SignedTreeHead.sign(8, Rfc6962Vectors.root(8), issued, keys.getPrivate());
        assertThat(new SignedTreeHead(7, head.rootHash(), issued, head.signature()).verifies(keys.getPublic()))
                .isFalse();
        assertThat(new SignedTreeHead(8, Rfc6962Vectors.ROOTS.get(7), issued, head.signature())
                .verifies(keys.getPublic())).isFalse();
        assertThat(new SignedTreeHead(8, head.rootHash(), issued.plusMillis(1), head.signature())
                .verifies(keys.getPublic())).isFalse();
        assertThat(new SignedTreeHead(8, head.rootHash(), issued, "not base64!").verifies(keys.getPublic()))
                .isFalse();
    }

    @Test
    void derivesThePublicKeyFromTheConfiguredPrivateKey() {
        var privateKey = Ed25519Keys.privateKey(Ed25519Keys.encode(keys.getPrivate()));
        assertThat(Ed25519Keys.publicKeyOf(privateKey).getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Ed25519Keys.encode(keys.getPublic())
                + "\n-----END PUBLIC KEY-----";
        assertThat(Ed25519Keys.publicKey(pem).getEncoded()).isEqualTo(keys.getPublic().getEncoded());
    }

    @Test
    void rejectsAKeyThatIsNotEd25519() {
        assertThatThrownBy(() -> Ed25519Keys.privateKey("bm90IGEga2V5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Ed25519");
    }
}
