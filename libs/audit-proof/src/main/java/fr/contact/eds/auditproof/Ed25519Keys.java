package fr.contact.eds.auditproof;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys as they travel in configuration: the private key as base64 PKCS#8, the public key as base64 X.509
 * SubjectPublicKeyInfo (the bodies of the PEM files {@code openssl genpkey -algorithm ed25519} writes).
 */
public final class Ed25519Keys {

    private Ed25519Keys() {}

    public static PrivateKey privateKey(String base64Pkcs8) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pemBody(base64Pkcs8))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an Ed25519 private key (base64 PKCS#8): " + e.getMessage(), e);
        }
    }

    public static PublicKey publicKey(String base64X509) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(pemBody(base64X509))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key (base64 X.509): " + e.getMessage(), e);
        }
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /**
     * The public half of a private key. The JDK has no public Ed25519 point arithmetic, but its key-pair generator
     * derives the public key from 32 random bytes: handing it the private key as those bytes gives its public key.
     */
    public static PublicKey publicKeyOf(PrivateKey key) {
        try {
            byte[] seed = KeyFactory.getInstance("Ed25519").getKeySpec(key, EdECPrivateKeySpec.class).getBytes();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] derived = KeyFactory.getInstance("Ed25519").getKeySpec(pair.getPrivate(), EdECPrivateKeySpec.class)
                    .getBytes();
            if (!java.util.Arrays.equals(seed, derived)) {
                throw new IllegalStateException("This Java runtime does not derive Ed25519 keys from its random bytes");
            }
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 runtime has Ed25519", e);
        }
    }

    /** Random bytes that are not: the given seed, once. */
    private static final class FixedBytes extends SecureRandom {

        private static final long serialVersionUID = 1L;
        private final transient byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (out.length != bytes.length) {
                throw new IllegalStateException("Expected a request for " + bytes.length + " bytes");
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }

    private static String pemBody(String text) {
        return text.replaceAll("-----[A-Z ]+-----", "").strip();
    }
}
