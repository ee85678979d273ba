package fr.contact.eds.simulator;

import fr.contact.eds.localkeys.LocalKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Propagation of an opposition, from its receipt to its exclusion: a patient opposes (consent answers with the
 * event-store position of the decision), then the episodes projection and the catalog's research projection are
 * watched until each has passed that position, which is when every read path of theirs leaves the patient out.
 * Prints the distribution of those delays over N oppositions made one after another.
 */
final class PropagationBenchmark {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String consentUrl;
    private final Map<String, String> watched;
    private final LocalKeys keys;
    private final String admin;

    /** {@code watched}: processor name → its service's URL. */
    PropagationBenchmark(String consentUrl, Map<String, String> watched, LocalKeys keys) throws Exception {
        this.consentUrl = consentUrl;
        this.watched = watched;
        this.keys = keys;
        this.admin = keys.sign("propagation-benchmark", List.of("platform-admin"), Map.of(), 3600);
    }

    void run(int oppositions) throws Exception {
        Map<String, List<Double>> delays = new java.util.LinkedHashMap<>();
        watched.keySet().forEach(p -> delays.put(p, new ArrayList<>()));
        for (int i = 0; i < oppositions; i++) {
            long target = Oppositions.byANewPatient(http, keys, consentUrl);
            long receivedAt = System.nanoTime();
            for (var processor : watched.entrySet()) {
                awaitPast(processor.getValue(), processor.getKey(), target);
                delays.get(processor.getKey()).add((System.nanoTime() - receivedAt) / 1e6);
            }
        }
        System.out.printf("propagation benchmark: %d oppositions, receipt to exclusion (ms)%n", oppositions);
        System.out.printf("  %-18s %8s %8s %8s %8s %8s%n", "read model", "min", "p50", "p90", "p99", "max");
        for (var entry : delays.entrySet()) {
            List<Double> sorted = new ArrayList<>(entry.getValue());
            Collections.sort(sorted);
            System.out.printf("  %-18s %8.1f %8.1f %8.1f %8.1f %8.1f%n", entry.getKey(), sorted.get(0),
                    percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                    sorted.get(sorted.size() - 1));
        }
        System.out.println("  (each delay runs from consent's answer to the projection having passed the decision;"
                + " the delays of later read models include the earlier ones' wait)");
    }

    private void awaitPast(String serviceUrl, String processor, long target) throws Exception {
        Pattern status = Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(processor)
                + "\"[^}]*?\"position\"\\s*:\\s*(\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/admin/processors"))
                    .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = status.matcher(body);
            if (m.find() && Long.parseLong(m.group(1)) >= target) {
                return;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException(processor + " did not pass position " + target + " within 30 s");
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
