package fr.contact.eds.localkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeysTest {

    @Test
    void keepsTheKeyPairAcrossRuns(@TempDir Path dir) throws Exception {
        LocalKeys.ensure(dir);
        String first = Files.readString(dir.resolve(LocalKeys.PUBLIC_KEY_FILE));
        LocalKeys.ensure(dir);
        assertThat(Files.readString(dir.resolve(LocalKeys.PUBLIC_KEY_FILE))).isEqualTo(first);
    }

    @Test
    void signsTokensThatThePublicKeyVerifies(@TempDir Path dir) throws Exception {
        String token = LocalKeys.ensure(dir).sign("alice \"a\"", List.of("dpo"), Map.of("association", "sos-75"), 60);
        String[] parts = token.split("\\.");

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(LocalKeys.readPublic(dir.resolve(LocalKeys.PUBLIC_KEY_FILE)));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"sub\":\"alice \\\"a\\\"\"", "\"groups\":[\"dpo\"]",
                "\"association\":\"sos-75\"");
    }

    @Test
    void publishesThePublicKeyAsAJwkThatVerifiesItsTokensByKeyId(@TempDir Path dir) throws Exception {
        LocalKeys keys = LocalKeys.ensure(dir);
        String jwk = keys.publicJwk();
        java.math.BigInteger n = new java.math.BigInteger(1, Base64.getUrlDecoder().decode(field(jwk, "n")));
        java.math.BigInteger e = new java.math.BigInteger(1, Base64.getUrlDecoder().decode(field(jwk, "e")));
        var rebuilt = java.security.KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.RSAPublicKeySpec(n, e));
        assertThat(rebuilt).isEqualTo(LocalKeys.readPublic(dir.resolve(LocalKeys.PUBLIC_KEY_FILE)));
        assertThat(field(jwk, "kid")).isEqualTo(LocalKeys.KEY_ID);

        String header = new String(Base64.getUrlDecoder().decode(keys.sign("bob", List.of("dpo"), Map.of(), 60)
                .split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"kid\":\"" + LocalKeys.KEY_ID + "\"");
    }

    private static String field(String json, String name) {
        var m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }
}
