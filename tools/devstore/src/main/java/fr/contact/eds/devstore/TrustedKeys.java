package fr.contact.eds.devstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.contact.eds.localkeys.LocalKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The key set the local services verify tokens with: the local identity provider's signing keys (the portal's
 * signed-in users) and the developer key of {@code ./contact token} and the simulator, under the same issuer. Written
 * once the provider answers; production verifies against its issuer's keys only.
 */
final class TrustedKeys {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrustedKeys() {}

    /** {@code jwks <keysDir> <provider's JWKS URL> <output file>}. */
    static void write(Path keysDir, URI providerKeys, Path output) throws Exception {
        HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(providerKeys).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException(providerKeys + " answered " + answer.statusCode());
        }
        JsonNode provider = JSON.readTree(answer.body()).path("keys");
        if (!provider.isArray() || provider.isEmpty()) {
            throw new IOException(providerKeys + " lists no key");
        }
        ObjectNode set = JSON.createObjectNode();
        ArrayNode keys = set.putArray("keys");
        provider.forEach(keys::add);
        keys.add(JSON.readTree(LocalKeys.ensure(keysDir).publicJwk()));
        Path temporary = output.resolveSibling(output.getFileName() + ".tmp");
        Files.writeString(temporary, JSON.writeValueAsString(set));
        Files.move(temporary, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
