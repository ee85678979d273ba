package fr.contact.eds.simulator;

import ca.uhn.fhir.context.FhirContext;
import fr.contact.eds.localkeys.LocalKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;

/**
 * End-to-end intake throughput against a running ingestion service: generated bundles posted one by one
 * ({@code POST /fhir}, 4 concurrent clients) and imported in bulk ({@code POST /fhir/$import}, timed until
 * the job completes). Prints bundles/s and FHIR resources/s for both.
 */
final class IntakeBenchmark {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

    private final String url;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    IntakeBenchmark(String url, LocalKeys keys) throws Exception {
        this.url = url;
        this.token = keys.sign("intake-benchmark", List.of("association"), Map.of("association", "sos-bench"), 7200);
    }

    void run(int bundles, long seed) throws Exception {
        EpisodeGenerator generator = new EpisodeGenerator(seed);
        BundleWriter writer = new BundleWriter(FhirContext.forR4());
        List<String> json = new ArrayList<>();
        int resources = 0;
        for (LocalDate date = LocalDate.now(); json.size() < bundles; date = date.minusDays(1)) {
            for (SyntheticEpisode episode : generator.day(date, 400)) {
                if (json.size() == bundles) {
                    break;
                }
                Bundle bundle = writer.bundle(episode);
                resources += bundle.getEntry().size();
                json.add(writer.json(episode));
            }
        }
        double perBundle = resources / (double) bundles;
        int half = bundles / 2;
        System.out.printf("intake benchmark: %d generated bundles, %.1f resources each%n", bundles, perBundle);
        System.out.printf("%-28s %10s %12s %14s%n", "mode", "bundles", "bundles/s", "resources/s");
        report("single (POST /fhir, 4 clients)", half, single(json.subList(0, half)), perBundle);
        report("bulk (POST /fhir/$import)", bundles - half, bulk(json.subList(half, bundles)), perBundle);
    }

    private static void report(String mode, int bundles, double seconds, double perBundle) {
        System.out.printf("%-28s %10d %12.0f %14.0f%n", mode, bundles, bundles / seconds,
                bundles * perBundle / seconds);
    }

    private double single(List<String> bundles) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger refused = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (String bundle : bundles) {
                sent.add(pool.submit(() -> {
                    HttpResponse<String> response = http.send(request("/fhir", "application/fhir+json", bundle),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        check(refused.get() == 0, refused.get() + " bundles refused in single mode");
        return (System.nanoTime() - start) / 1e9;
    }

    private double bulk(List<String> bundles) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> started = http.send(request("/fhir/$import", "application/fhir+ndjson",
                String.join("\n", bundles)), HttpResponse.BodyHandlers.ofString());
        check(started.statusCode() == 202, "import refused: " + started.body());
        String job = started.headers().firstValue("Content-Location").orElseThrow();
        while (true) {
            String body = http
                    .send(HttpRequest.newBuilder(URI.create(url + job)).header("Authorization", "Bearer " + token)
                            .GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher status = STATUS.matcher(body);
            check(status.find(), "unexpected job answer: " + body);
            if (!List.of("queued", "running").contains(status.group(1))) {
                Matcher accepted = ACCEPTED.matcher(body);
                check("completed".equals(status.group(1)) && accepted.find()
                        && Integer.parseInt(accepted.group(1)) == bundles.size(),
                        "import did not take everything in: " + body);
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(20);
        }
    }

    private HttpRequest request(String path, String type, String body) {
        return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
