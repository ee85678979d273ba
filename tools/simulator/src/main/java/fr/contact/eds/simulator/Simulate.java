package fr.contact.eds.simulator;

import ca.uhn.fhir.context.FhirContext;
import fr.contact.eds.localkeys.LocalKeys;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code --days N --rate R [--seed S] [--end yyyy-mm-dd]} and either {@code --out file.ndjson} (one
 * bundle a line, for history import and benchmarks) or {@code --url <ingestion> --keys <dir>} (posts each
 * bundle as its association, with tokens signed by the local key pair; with {@code --consent-url}, patients who
 * oppose do so after their first episode); or {@code --bench N --url --keys}
 * for the intake benchmark; or {@code --bench-propagation N --consent-url --episodes-url --catalog-url --keys} for the
 * opposition propagation benchmark; or {@code --bench-replicas N --ingestion-urls --consent-urls --episodes-urls
 * --keys} (comma-separated instances) for read-your-writes over replicas.
 */
public final class Simulate {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int days = Integer.parseInt(options.getOrDefault("days", "1"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "200"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        LocalDate end = LocalDate.parse(options.getOrDefault("end", LocalDate.now().toString()));
        EpisodeGenerator generator = new EpisodeGenerator(seed);
        BundleWriter writer = new BundleWriter(FhirContext.forR4());
        if (options.containsKey("bench-propagation")) {
            new PropagationBenchmark(options.get("consent-url"), new java.util.LinkedHashMap<>(Map.of(
                    "episodes", options.get("episodes-url"), "catalog-research", options.get("catalog-url"))),
                    LocalKeys.ensure(Path.of(options.get("keys")))).run(
                            Integer.parseInt(
                                    options.get("bench-propagation")));
            return;
        }
        if (options.containsKey("bench-replicas")) {
            new ReplicaBenchmark(List.of(options.get("ingestion-urls").split(",")),
                    List.of(options.get("consent-urls").split(",")), List.of(options.get("episodes-urls").split(",")),
                    LocalKeys.ensure(Path.of(options.get("keys")))).run(
                            Integer.parseInt(options.get("bench-replicas")), seed);
            return;
        }
        if (options.containsKey("bench")) {
            new IntakeBenchmark(options.get("url"), LocalKeys.ensure(Path.of(options.get("keys"))))
                    .run(Integer.parseInt(options.get("bench")), seed);
            return;
        }
        long started = System.nanoTime();
        int bundles;
        if (options.containsKey("out")) {
            bundles = toFile(generator, writer, end, days, rate, Path.of(options.get("out")));
        } else if (options.containsKey("url")) {
            bundles = post(generator, writer, end, days, rate, options.get("url"), options.get("consent-url"),
                    Path.of(options.get("keys")));
        } else {
            throw usage();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("simulate: %d bundles over %d days in %.1f s (%.0f bundles/s)%n", bundles, days, seconds,
                bundles / seconds);
    }

    private static int toFile(EpisodeGenerator generator, BundleWriter writer, LocalDate end, int days, double rate,
            Path out) throws Exception {
        int count = 0;
        try (BufferedWriter file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (LocalDate date = end.minusDays(days - 1L); !date.isAfter(end); date = date.plusDays(1)) {
                for (SyntheticEpisode episode : generator.day(date, rate)) {
                    file.write(writer.json(episode));
                    file.newLine();
                    count++;
                }
            }
        }
        return count;
    }

    private static int post(EpisodeGenerator generator, BundleWriter writer, LocalDate end, int days, double rate,
            String url, String consentUrl, Path keysDir) throws Exception {
        LocalKeys keys = LocalKeys.ensure(keysDir);
        Map<String, String> tokens = new HashMap<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Set<SyntheticEpisode.SyntheticPatient> opposed = new HashSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        int count = 0;
        try {
            for (LocalDate date = end.minusDays(days - 1L); !date.isAfter(end); date = date.plusDays(1)) {
                List<Future<?>> sent = new java.util.ArrayList<>();
                List<SyntheticEpisode> episodes = generator.day(date, rate);
                for (SyntheticEpisode episode : episodes) {
                    String token = tokens.computeIfAbsent(episode.associationId(), a -> sign(keys, a));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/fhir"))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/fhir+json")
                            .POST(HttpRequest.BodyPublishers.ofString(writer.json(episode))).build();
                    sent.add(pool.submit(() -> {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            accepted.incrementAndGet();
                        } else if (refused.incrementAndGet() <= 5) {
                            System.err.println("simulate: " + response.statusCode() + " " + response.body());
                        }
                        return null;
                    }));
                    count++;
                }
                for (Future<?> f : sent) {
                    f.get();
                }
                if (consentUrl != null) {
                    opposeAfterFirstEpisode(episodes, opposed, http, consentUrl, keys);
                }
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf(
                "simulate: %d accepted, %d refused, %d patients opposed (their later episodes are not kept)%n",
                accepted.get(), refused.get(), opposed.size());
        return count;
    }

    /** Patients who oppose do so online, as themselves, at the end of the day of their first episode. */
    private static void opposeAfterFirstEpisode(List<SyntheticEpisode> episodes,
            Set<SyntheticEpisode.SyntheticPatient> opposed, HttpClient http, String consentUrl, LocalKeys keys)
            throws Exception {
        for (SyntheticEpisode episode : episodes) {
            SyntheticEpisode.SyntheticPatient patient = episode.patient();
            if (!patient.opposes() || !opposed.add(patient)) {
                continue;
            }
            Map<String, String> claims = patient.ins().isEmpty()
                    ? Map.of("family_name", patient.family(), "given_name", patient.given(), "birthdate",
                            patient.birthDate().toString(), "gender", patient.gender())
                    : Map.of("ins", patient.ins());
            String token = keys.sign("simulated-patient-" + opposed.size(), List.of("patient"), claims, 600);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(consentUrl
                    + "/patients/me/oppositions")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && response.statusCode() != 200) {
                System.err.println("simulate: opposition refused: " + response.statusCode() + " " + response.body());
            }
        }
    }

    private static String sign(LocalKeys keys, String association) {
        try {
            return keys.sign("simulator-" + association, List.of("association"), Map.of("association", association),
                    3600);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw usage();
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static IllegalArgumentException usage() {
        return new IllegalArgumentException("usage: --days N --rate R [--seed S] [--end yyyy-mm-dd] "
                + "(--out file.ndjson | --url http://host:port --keys dir)");
    }

    private Simulate() {}
}
