package fr.contact.eds.e2e;

import static fr.contact.eds.e2e.E2eHttp.call;
import static fr.contact.eds.e2e.E2eHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The system as the chart runs it: two instances of every service with read models (consent, ingestion, episodes,
 * catalog), on one store, started by ./contact. Each call goes to one instance, as a load balancer would send it;
 * every answer must be what a single instance would give, at once.
 */
class ReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = E2eHttp.HTTP;
    private static final List<String> EPISODES = List.of("episodes", "episodes-2");
    private static ContactRuntime contact;

    @BeforeAll
    static void up() throws Exception {
        contact = new ContactRuntime(Files.createTempDirectory("contact-e2e-replicas"),
                Map.of("consent", 2, "ingestion", 2, "episodes", 2, "catalog", 2));
        ContactRuntime.Result up = contact.run("up", "--replicas", "consent=2,ingestion=2,episodes=2,catalog=2");
        assertThat(up.exitCode()).as(up.output()).isZero();
    }

    @AfterAll
    static void down() throws Exception {
        if (contact != null) {
            contact.run("down");
        }
    }

    @Test
    void spreadsTheSegmentsAndAnswersReadYourWritesOnEveryInstanceAtOnce() throws Exception {
        String admin = contact.token("platform-admin", "e2e-admin");
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!(claims(admin, "episodes", "episodes") > 0 && claims(admin, "episodes-2", "episodes") > 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(claims(admin, "episodes-2", "episodes")).as("the second instance works too").isPositive();
        assertThat(claims(admin, "episodes", "episodes")).isPositive();

        String association = contact.token("association", "e2e-software", "association=sos-e2e-replicas");
        String steward = contact.token("data-steward", "e2e-steward");
        for (int i = 0; i < 10; i++) {
            String ins = E2eBundles.randomIns();
            String intake = i % 2 == 0 ? "ingestion" : "ingestion-2";
            HttpResponse<String> taken = E2eBundles.post(HTTP, contact.url(intake), association,
                    E2eBundles.newEpisode(contact.root(), ins, "B-replicas-" + ins));
            assertThat(taken.statusCode()).as(intake + " at first attempt: " + taken.body()).isEqualTo(200);

            String patient = contact.token("patient", "e2e-patient-" + ins, "ins=" + ins);
            String decider = i % 2 == 0 ? "consent-2" : "consent";
            HttpResponse<String> opposed = send("POST", contact.url(decider) + "/patients/me/oppositions", patient,
                    "{}");
            assertThat(opposed.statusCode()).as(decider + ": " + opposed.body()).isEqualTo(201);
            long receipt = JSON.readTree(opposed.body()).get("position").asLong();
            for (String reader : EPISODES) {
                HttpResponse<String> page = call("GET", contact.url(reader) + "/episodes?association="
                        + "sos-e2e-replicas&after=" + receipt, steward);
                assertThat(page.statusCode()).as(reader + " as of the receipt, first attempt: " + page.body())
                        .isEqualTo(200);
                assertThat(JSON.readTree(page.body()).get("total").asLong()).as(reader + ": every patient so far "
                        + "opposed").isZero();
            }
        }
    }

    @Test
    void rebuildsWhicheverInstanceIsAskedAndKeepsEveryEpisodeOnBothAndBothReady() throws Exception {
        String association = contact.token("association", "e2e-software", "association=sos-e2e-rebuild");
        for (int i = 0; i < 5; i++) {
            String ins = E2eBundles.randomIns();
            assertThat(E2eBundles.post(HTTP, contact.url("ingestion-2"), association,
                    E2eBundles.newEpisode(contact.root(), ins, "B-rebuild-" + ins)).statusCode()).isEqualTo(200);
        }
        String steward = contact.token("data-steward", "e2e-steward");
        long before = total("episodes", steward, "sos-e2e-rebuild", 5);
        assertThat(total("episodes-2", steward, "sos-e2e-rebuild", 5)).isEqualTo(before);

        ContactRuntime.Result rebuilt = contact.run("rebuild", "episodes", "--on", "episodes-2");

        assertThat(rebuilt.exitCode()).as(rebuilt.output()).isZero();
        assertThat(rebuilt.output()).contains("rebuilt:");
        for (String instance : EPISODES) {
            assertThat(total(instance, steward, "sos-e2e-rebuild", 5)).as(instance).isEqualTo(before);
            assertThat(call("GET", contact.managementUrl(instance) + "/q/health/ready", null).statusCode()).as(instance)
                    .isEqualTo(200);
        }
    }

    @Test
    void erasesAPatientForEveryInstance() throws Exception {
        String ins = E2eBundles.randomIns();
        String association = contact.token("association", "e2e-software", "association=sos-e2e-erasure-" + ins);
        assertThat(E2eBundles.post(HTTP, contact.url("ingestion"), association,
                E2eBundles.newEpisode(contact.root(), ins, "B-erasure-" + ins)).statusCode()).isEqualTo(200);
        String steward = contact.token("data-steward", "e2e-steward");
        assertThat(total("episodes-2", steward, "sos-e2e-erasure-" + ins, 1)).isEqualTo(1);

        String patient = contact.token("patient", "e2e-patient-" + ins, "ins=" + ins);
        HttpResponse<String> erased = send("POST", contact.url("consent-2") + "/patients/me/erasures", patient,
                "{}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(201);
        long receipt = JSON.readTree(erased.body()).get("position").asLong();
        for (String reader : EPISODES) {
            HttpResponse<String> page = call("GET", contact.url(reader) + "/episodes?association=sos-e2e-erasure-"
                    + ins + "&after=" + receipt, steward);
            assertThat(page.statusCode()).as(reader + ": " + page.body()).isEqualTo(200);
            for (JsonNode episode : JSON.readTree(page.body()).get("episodes")) {
                assertThat(episode.has("ageYears") && !episode.get("ageYears").isNull()).as(reader + ": " + episode)
                        .isFalse();
            }
        }
        for (String intake : List.of("ingestion", "ingestion-2")) {
            JsonNode again = E2eBundles.importOne(HTTP, contact.url(intake), association,
                    E2eBundles.newEpisode(contact.root(), ins, "B-erasure-again-" + intake + ins));
            assertThat(again.get("skippedByOpposition").asInt()).as(intake + " keeps nothing new of an erased "
                    + "patient: " + again).isEqualTo(1);
        }
    }

    @Test
    void takesOverTheSegmentsOfAnInstanceKilledWithoutWarning() throws Exception {
        String admin = contact.token("platform-admin", "e2e-admin");
        new ProcessBuilder("kill", "-9", String.valueOf(contact.pid("episodes"))).start().waitFor();
        try {
            String batch = E2eBundles.randomIns();
            String association = contact.token("association", "e2e-software", "association=sos-e2e-killed-" + batch);
            for (int i = 0; i < 8; i++) { // episodes hash over both segments, the killed instance's among them
                String ins = E2eBundles.randomIns();
                assertThat(E2eBundles.post(HTTP, contact.url(i % 2 == 0 ? "ingestion" : "ingestion-2"), association,
                        E2eBundles.newEpisode(contact.root(), ins, "B-killed-" + ins)).statusCode()).isEqualTo(200);
            }
            String steward = contact.token("data-steward", "e2e-steward");
            assertThat(total("episodes-2", steward, "sos-e2e-killed-" + batch, 8)).as("once the claims lapse")
                    .isEqualTo(8);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (claims(admin, "episodes-2", "episodes") < 2 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(claims(admin, "episodes-2", "episodes")).isEqualTo(2);
        } finally {
            ContactRuntime.Result restarted = contact.run("up");
            assertThat(restarted.exitCode()).as(restarted.output()).isZero();
        }
    }

    /** Segments of {@code processor} the instance works on now. */
    private static int claims(String admin, String instance, String processor) throws Exception {
        for (JsonNode status : JSON.readTree(call("GET", contact.url(instance) + "/admin/processors", admin)
                .body())) {
            if (status.get("name").asText().equals(processor)) {
                return status.get("claimedSegments").asInt();
            }
        }
        return 0;
    }

    /** The association's episodes on an instance, once at least {@code atLeast} show (within 45 s). */
    private static long total(String instance, String token, String association, long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        long total = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> page = call("GET", contact.url(instance) + "/episodes?association=" + association,
                    token);
            total = page.statusCode() == 200 ? JSON.readTree(page.body()).get("total").asLong() : -1;
            if (total >= atLeast) {
                return total;
            }
            Thread.sleep(1000);
        }
        return total;
    }
}
