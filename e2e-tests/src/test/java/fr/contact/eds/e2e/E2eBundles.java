package fr.contact.eds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Bundles as an association's software sends them, for the end-to-end suites. */
final class E2eBundles {

    /** The patient's INS and the bundle identifier in the example bundle. */
    static final String EXAMPLE_INS = "255081416802538";
    static final String EXAMPLE_BUNDLE = "B-2026-000123";
    private static final ObjectMapper JSON = new ObjectMapper();

    private E2eBundles() {}

    /** A qualified INS: the 13-digit NIR and its control key. */
    static String withControlKey(String nir) {
        return nir + String.format("%02d", 97 - Long.parseLong(nir) % 97);
    }

    /** A woman born in August 1955, as in the example bundle, with a random serial. */
    static String randomIns() {
        return withControlKey("2550814" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)));
    }

    /**
     * The ingestion service's example home visit (an identity-rich bundle), as patient {@code ins} in bundle
     * {@code bundleId}, on one line for an NDJSON import.
     */
    static String example(Path root, String ins, String bundleId) throws Exception {
        return Files.readString(root.resolve("services/ingestion/src/test/resources/bundles/home-visit.json"))
                .replace(EXAMPLE_INS, ins).replace(EXAMPLE_BUNDLE, bundleId).replaceAll("\\s*\\n\\s*", " ");
    }

    /** As {@link #example}, as an episode of its own: the association's encounter identifier is the bundle's. */
    static String newEpisode(Path root, String ins, String bundleId) throws Exception {
        return example(root, ins, bundleId).replace("\"E-778899\"", "\"E-" + bundleId + "\"");
    }

    static HttpResponse<String> post(HttpClient http, String ingestionUrl, String token, String bundle)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ingestionUrl + "/fhir")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(bundle)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Imports one bundle and answers the finished job. */
    static JsonNode importOne(HttpClient http, String ingestionUrl, String token, String bundleOnOneLine)
            throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(ingestionUrl + "/fhir/$import"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(bundleOnOneLine)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = ingestionUrl + started.headers().firstValue("Content-Location").orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(job))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body());
            if (!List.of("queued", "running").contains(status.get("status").asText())) {
                assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("completed");
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import job " + job + " did not finish");
    }
}
