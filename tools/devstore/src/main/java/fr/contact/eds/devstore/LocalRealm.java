package fr.contact.eds.devstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The realm file the local identity provider imports: the repository's realm plus a signing key of this state
 * directory's own, made once and kept. Keycloak runs in memory; without its own key it would sign with a new key at
 * every start, and services still running would refuse the tokens of the restarted provider.
 */
final class LocalRealm {

    static final String KEY_FILE = "keycloak-realm-key.pem";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalRealm() {}

    /** {@code realm <repository realm file> <keysDir> <output file>}. */
    static void write(Path template, Path keysDir, Path output) throws Exception {
        ObjectNode realm = (ObjectNode) JSON.readTree(template.toFile());
        ObjectNode rsa = realm.withObject("/components").putArray("org.keycloak.keys.KeyProvider").addObject();
        rsa.put("name", "contact-local-rsa");
        rsa.put("providerId", "rsa");
        rsa.putObject("subComponents");
        ObjectNode config = rsa.putObject("config");
        config.putArray("priority").add("200");
        config.putArray("enabled").add("true");
        config.putArray("active").add("true");
        config.putArray("algorithm").add("RS256");
        config.putArray("privateKey").add(privateKey(keysDir));
        Files.createDirectories(output.getParent());
        Files.writeString(output, JSON.writeValueAsString(realm));
    }

    /** The realm's private key (PKCS#8, base64), created on first use, readable by its owner only. */
    private static String privateKey(Path keysDir) throws Exception {
        Path file = keysDir.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            Files.createDirectories(keysDir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String encoded = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate()
                    .getEncoded());
            Path temporary = Files.createTempFile(keysDir, KEY_FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, encoded);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return Files.readString(file).strip();
    }
}
