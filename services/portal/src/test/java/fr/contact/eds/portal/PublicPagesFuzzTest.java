package fr.contact.eds.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every query parameter, path segment and language input of the public pages, given hostile values (seeded,
 * reproducible with {@code -Dfuzz.seed}): a page or a page that says what is wrong, never a 5xx or an empty body.
 */
@QuarkusTest
@QuarkusTestResource(FakeCatalog.class)
class PublicPagesFuzzTest {

    private static final List<String> HOSTILE = List.of("", " ", "abc", "-1", "0", "99999999999999999999", "2026-02-30",
            "2026-13-01", "1e9", "null", "%", "%00", "\u0000", "<script>alert(1)</script>", "' OR 1=1 --", "../..",
            "=cmd()", "é".repeat(500), "a".repeat(5000), "\uD83D\uDE00", "2026-01-01T00:00:00Z", "month,month",
            "ACTIVE", "2026");
    private static final Map<String, List<String>> PAGES = Map.of(
            "/projects", List.of("q", "status", "year", "theme", "lang"),
            "/statistics", List.of("from", "to", "lang"),
            "/statistics.csv", List.of("from", "to", "groupBy"),
            "/datasets", List.of("lang"),
            "/", List.of("lang"));

    @Test
    void answersEveryHostileInputWithAPageNeverAServerError() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        int cases = Integer.getInteger("fuzz.cases", 60);
        for (var page : PAGES.entrySet()) {
            for (int i = 0; i < cases; i++) {
                var request = given().redirects().follow(false).urlEncodingEnabled(true);
                StringBuilder asked = new StringBuilder(page.getKey());
                for (String parameter : page.getValue()) {
                    if (random.nextBoolean()) {
                        String value = value(random);
                        request = request.queryParam(parameter, value);
                        asked.append(' ').append(parameter).append('=').append(value);
                    }
                }
                if (random.nextInt(4) == 0) {
                    String value = value(random).replaceAll("[\\r\\n]", "");
                    request = request.header("Accept-Language", value);
                    asked.append(" Accept-Language: ").append(value);
                }
                if (random.nextInt(4) == 0) {
                    String value = value(random).replaceAll("[^\\x21-\\x7e]|[;,\"\\\\]", "x");
                    request = request.cookie("lang", value);
                    asked.append(" Cookie lang=").append(value);
                }
                check(request.get(page.getKey()), asked.toString(), seed);
            }
        }
        for (int i = 0; i < cases; i++) {
            String projectId = value(random);
            // Encoded here: RestAssured's own path templating takes minutes over a long value.
            String path = "/projects/" + URLEncoder.encode(projectId, StandardCharsets.UTF_8).replace("+", "%20");
            check(given().redirects().follow(false).urlEncodingEnabled(false).get(path), path, seed);
        }
    }

    private static void check(Response answer, String page, long seed) {
        String what = page + " -> " + answer.statusCode() + " (seed " + seed + ")";
        assertThat(answer.statusCode()).as(what).isLessThan(500);
        if (answer.statusCode() != 414) { // a request line over the server's limit is refused before any page runs
            assertThat(answer.body().asString()).as(what).isNotEmpty();
        }
    }

    private static String value(Random random) {
        if (random.nextInt(3) > 0) {
            return HOSTILE.get(random.nextInt(HOSTILE.size()));
        }
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            text.appendCodePoint(random.nextInt(3) == 0 ? random.nextInt(0x3000) : 0x20 + random.nextInt(0x5f));
        }
        return text.toString();
    }
}
