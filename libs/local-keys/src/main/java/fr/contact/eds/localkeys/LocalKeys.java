package fr.contact.eds.localkeys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The RSA key pair that signs tokens on a developer's machine and in tests. Production never uses
 * it: services there verify against the configured OIDC issuer's keys.
 */
public final class LocalKeys {

    public static final String ISSUER = "https://contact-eds.local/issuer";
    /** The key's id in tokens and in the key set the local services trust beside the identity provider's keys. */
    public static final String KEY_ID = "contact-local-developer";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    private static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    private static final String AUDIT_SIGNING_KEY_FILE = "audit-signing.key";
    private static final String AUDIT_PUBLIC_KEY_FILE = "audit-public.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Path publicKeyFile;

    private LocalKeys(PrivateKey privateKey, PublicKey publicKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.publicKeyFile = publicKeyFile;
    }

    /**
     * The issuer local tokens name: the local identity provider's when {@code ./contact} runs one (it sets
     * CONTACT_JWT_ISSUER for the services and the tools alike), {@link #ISSUER} otherwise (tests).
     */
    public static String issuer() {
        String configured = System.getenv("CONTACT_JWT_ISSUER");
        return configured == null || configured.isBlank() ? ISSUER : configured;
    }

    /** Loads the key pair from {@code dir}, creating it on first use. */
    public static synchronized LocalKeys ensure(Path dir) throws Exception {
        Path priv = dir.resolve(PRIVATE_KEY_FILE);
        Path pub = dir.resolve(PUBLIC_KEY_FILE);
        if (!Files.exists(priv) || !Files.exists(pub)) {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        }
        ensureAuditSigningKey(dir);
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        PrivateKey key = rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBody(priv)));
        PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(pemBody(pub)));
        return new LocalKeys(key, publicKey, pub);
    }

    /**
     * The local audit service's Ed25519 tree-head key: the private half as base64 PKCS#8 (what
     * CONTACT_AUDIT_SIGNING_KEY takes), the public half as PEM for the verifier.
     */
    private static void ensureAuditSigningKey(Path dir) throws Exception {
        Path priv = dir.resolve(AUDIT_SIGNING_KEY_FILE);
        Path pub = dir.resolve(AUDIT_PUBLIC_KEY_FILE);
        if (!Files.exists(priv) || !Files.exists(pub)) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(priv, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        }
    }

    private static byte[] pemBody(Path file) throws java.io.IOException {
        return Base64.getDecoder().decode(Files.readString(file).replaceAll("-----[A-Z ]+-----|\\s", ""));
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** The public key as a JSON Web Key (RFC 7517), for a key set that also holds the identity provider's keys. */
    public String publicJwk() {
        RSAPublicKey rsa = (RSAPublicKey) publicKey;
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":" + quote(KEY_ID) + ",\"n\":"
                + quote(unsignedBase64Url(rsa.getModulus())) + ",\"e\":"
                + quote(unsignedBase64Url(rsa.getPublicExponent())) + "}";
    }

    private static String unsignedBase64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An RS256 JWT with {@code groups} as roles, as SmallRye JWT expects. */
    public String sign(String subject, List<String> roles, Map<String, String> claims, long lifetimeSeconds)
            throws Exception {
        long now = Instant.now().getEpochSecond();
        StringBuilder payload = new StringBuilder("{")
                .append("\"iss\":").append(quote(issuer()))
                .append(",\"sub\":").append(quote(subject))
                .append(",\"upn\":").append(quote(subject))
                .append(",\"jti\":").append(quote(UUID.randomUUID().toString()))
                .append(",\"iat\":").append(now)
                .append(",\"exp\":").append(now + lifetimeSeconds)
                .append(",\"groups\":[").append(roles.stream().map(LocalKeys::quote).collect(Collectors.joining(",")))
                .append("]");
        claims.forEach((k, v) -> payload.append(",").append(quote(k)).append(":").append(quote(v)));
        payload.append("}");
        String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + quote(KEY_ID) + "}") + "."
                + base64Url(payload.toString());
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(privateKey);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static PublicKey readPublic(Path file) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(file)));
    }
}
