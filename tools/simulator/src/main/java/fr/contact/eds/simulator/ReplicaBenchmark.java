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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-your-writes over replicas: whether an instance that holds no segment answers as fast as the one that holds
 * them. Bundles are posted to every ingestion instance in turn (each post passes the consent gate, which waits for
 * the opposition gate to reach the head), and after each opposition (to every consent instance in turn) every
 * episodes instance is asked for episodes {@code after} the receipt's position. Prints, per instance, the answers
 * other than 2xx and the latency distribution of first attempts.
 */
final class ReplicaBenchmark {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> ingestion;
    private final List<String> consent;
    private final List<String> episodes;
    private final LocalKeys keys;
    private final String association;
    private final String steward;

    ReplicaBenchmark(List<String> ingestion, List<String> consent, List<String> episodes, LocalKeys keys)
            throws Exception {
        this.ingestion = ingestion;
        this.consent = consent;
        this.episodes = episodes;
        this.keys = keys;
        this.association = keys.sign("replica-benchmark", List.of("association"), Map.of("association",
                "sos-bench"), 7200);
        this.steward = keys.sign("replica-benchmark", List.of("data-steward"), Map.of(), 7200);
    }

    void run(int rounds, long seed) throws Exception {
        Map<String, Samples> samples = new LinkedHashMap<>();
        EpisodeGenerator generator = new EpisodeGenerator(seed);
        BundleWriter writer = new BundleWriter(FhirContext.forR4());
        List<String> bundles = new ArrayList<>();
        for (LocalDate date = LocalDate.now(); bundles.size() < rounds; date = date.minusDays(1)) {
            generator.day(date, 200).stream().limit(rounds - bundles.size()).map(writer::json).forEach(bundles::add);
        }
        for (int i = 0; i < rounds; i++) {
            String intake = ingestion.get(i % ingestion.size());
            time(samples, "POST /fhir  " + intake, HttpRequest.newBuilder(URI.create(intake + "/fhir"))
                    .header("Authorization", "Bearer " + association)
                    .header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofString(bundles.get(i), StandardCharsets.UTF_8)));
            long position = Oppositions.byANewPatient(http, keys, consent.get(i % consent.size()));
            for (String reader : episodes) {
                time(samples, "GET after=  " + reader, HttpRequest.newBuilder(URI.create(reader
                        + "/episodes?limit=1&after=" + position)).header("Authorization", "Bearer " + steward));
            }
        }
        System.out.printf("replica benchmark: %d rounds; latency of first attempts (ms)%n", rounds);
        System.out.printf("  %-36s %6s %6s %8s %8s %8s %8s%n", "call", "calls", "non2xx", "p50", "p90", "p99",
                "max");
        samples.forEach((call, s) -> {
            List<Double> sorted = new ArrayList<>(s.millis);
            Collections.sort(sorted);
            System.out.printf("  %-36s %6d %6d %8.1f %8.1f %8.1f %8.1f%n", call, sorted.size(), s.refused,
                    percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                    sorted.get(sorted.size() - 1));
        });
    }

    private void time(Map<String, Samples> samples, String call, HttpRequest.Builder request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        Samples s = samples.computeIfAbsent(call, c -> new Samples());
        s.millis.add((System.nanoTime() - start) / 1e6);
        if (response.statusCode() / 100 != 2) {
            s.refused++;
        }
    }

    private static final class Samples {

        final List<Double> millis = new ArrayList<>();
        int refused;
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
