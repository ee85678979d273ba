package fr.contact.eds.ingestion.imports.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
public class ImportJobsTest {

    private static String association(String id) {
        return "Bearer " + TestTokens.forRole("association", "software-of-" + id, Map.of("association", id));
    }

    /** The example bundle on one line, with its own identifier. */
    private static String line(String identifier) throws IOException {
        try (InputStream in = ImportJobsTest.class.getResourceAsStream("/bundles/home-visit.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("B-2026-000123", identifier)
                    .replaceAll("\\s*\\n\\s*", " ");
        }
    }

    /** Polls the job until it is neither queued nor running. */
    public static JsonPath waitUntilDone(String token, String url) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonPath job;
        do {
            job = given().header("Authorization", token).get(url).then().statusCode(200).extract().jsonPath();
            if (!List.of("queued", "running").contains(job.getString("status"))) {
                return job;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("import job still " + job.getString("status"));
    }

    @Test
    void takesInEachLineAndReportsErrorsByLineNumber() throws Exception {
        String first = line("B-" + UUID.randomUUID());
        String ndjson = String.join("\n", first, line("B-" + UUID.randomUUID()), line("B-" + UUID.randomUUID()), first,
                line("B-" + UUID.randomUUID()).replace("\"code\": \"HH\"", "\"code\": \"XYZ\""), "{ not json", "", "");
        String token = association("sos-import");

        String url = given().urlEncodingEnabled(false).header("Authorization", token)
                .contentType("application/fhir+ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/fhir/$import").then().statusCode(202).header("Content-Location", startsWith("/jobs/"))
                .body("status", equalTo("queued")).extract().path("url");

        JsonPath job = waitUntilDone(token, url);
        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getInt("accepted")).isEqualTo(3);
        assertThat(job.getInt("repeated")).isEqualTo(1);
        assertThat(job.getInt("rejected")).isEqualTo(2);
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(5, 6);
        assertThat(job.getList("errors.status", Integer.class)).containsExactly(422, 400);
        assertThat(job.getString("errors[0].issues[0].expression")).isEqualTo("Bundle.entry[2].resource.class");
        assertThat(job.getDouble("progress")).isEqualTo(1.0);
    }

    @Test
    void refusesALineOverTheBundleLimitAsALivePostWouldAndGoesOn() throws Exception {
        String token = association("sos-big-lines");
        String huge = line("B-" + UUID.randomUUID()).replace("\"resourceType\": \"Bundle\",",
                "\"resourceType\": \"Bundle\", \"x\": \"" + "a".repeat(1_000_001) + "\",");
        String ndjson = String.join("\n", huge, line("B-" + UUID.randomUUID()));

        String url = given().header("Authorization", token).contentType("application/fhir+ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/fhir/$import").then().statusCode(202).extract()
                .path("url");

        JsonPath job = waitUntilDone(token, url);
        assertThat(job.getInt("accepted")).isEqualTo(1);
        assertThat(job.getList("errors.status", Integer.class)).containsExactly(413);
    }

    @Test
    void countsABundleTakenInBeforeAsRepeatedAndStillTakesInTheRest() throws Exception {
        String token = association("sos-again");
        String before = line("B-" + UUID.randomUUID());
        given().header("Authorization", token).contentType("application/fhir+json")
                .body(before.getBytes(StandardCharsets.UTF_8)).post("/fhir").then().statusCode(200);
        String ndjson = String.join("\n", line("B-" + UUID.randomUUID()), before, line("B-" + UUID.randomUUID()));

        String url = given().header("Authorization", token).contentType("application/fhir+ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/fhir/$import").then().statusCode(202).extract()
                .path("url");

        JsonPath job = waitUntilDone(token, url);
        assertThat(job.getInt("accepted")).isEqualTo(2);
        assertThat(job.getInt("repeated")).isEqualTo(1);
        assertThat(job.getInt("rejected")).isZero();
    }

    @Test
    void showsAJobOnlyToItsAssociation() throws Exception {
        String url = given().urlEncodingEnabled(false).header("Authorization", association("sos-a"))
                .contentType("application/x-ndjson")
                .body(line("B-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)).post("/fhir/$import").then()
                .statusCode(202).extract()
                .path("url");

        given().header("Authorization", association("sos-b")).get(url).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("researcher")).get(url).then().statusCode(403);
        waitUntilDone(association("sos-a"), url);
    }
}
