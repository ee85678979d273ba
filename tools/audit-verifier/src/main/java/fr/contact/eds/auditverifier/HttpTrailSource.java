package fr.contact.eds.auditverifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The audit service's API, read with a DPO token. */
public final class HttpTrailSource implements TrailSource {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;
    private final String token;

    public HttpTrailSource(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    @Override
    public JsonNode latestHead() throws IOException {
        return json.readTree(get("/audit/tree-heads/latest", "application/json"));
    }

    @Override
    public JsonNode inclusion(String entry, long treeSize) throws IOException {
        return json.readTree(get("/audit/proofs/inclusion?entry=" + URLEncoder.encode(entry, StandardCharsets.UTF_8)
                + "&treeSize=" + treeSize, "application/json"));
    }

    @Override
    public JsonNode consistency(long from, long to) throws IOException {
        return json.readTree(get("/audit/proofs/consistency?from=" + from + "&to=" + to, "application/json"));
    }

    @Override
    public Reader log(long treeSize) throws IOException {
        return new InputStreamReader(get("/audit/log?treeSize=" + treeSize, "application/x-ndjson"),
                StandardCharsets.UTF_8);
    }

    private InputStream get(String path, String accept) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept)
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String body;
                try (InputStream in = response.body()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + body);
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading " + path, e);
        }
    }
}
