package fr.contact.eds.testing;

import fr.contact.eds.localkeys.LocalKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Bearer tokens for tests, signed by a key pair made for this test JVM only. */
public final class TestTokens {

    private static LocalKeys keys;

    private TestTokens() {}

    static synchronized LocalKeys keys() {
        if (keys == null) {
            try {
                Path dir = Files.createTempDirectory("contact-test-keys");
                dir.toFile().deleteOnExit();
                keys = LocalKeys.ensure(dir);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot create test signing keys", e);
            }
        }
        return keys;
    }

    public static String forRole(String role) {
        return forRole(role, "test-" + role, Map.of());
    }

    public static String forRole(String role, String subject, Map<String, String> claims) {
        try {
            return keys().sign(subject, List.of(role), claims, 600);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String bearer(String role) {
        return "Bearer " + forRole(role);
    }
}
