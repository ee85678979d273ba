package fr.contact.eds.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * What faces callers, fuzzed through the running test application: mutations of valid JSON bodies and hostile
 * query values. Every answer is a success or a refusal with a problem body naming its status, never a server error;
 * a request refused as malformed stores nothing. Reproducible: {@code -Dfuzz.seed}, {@code -Dfuzz.cases} (per
 * target).
 */
public final class ApiFuzz {

    /** Refusals of the request itself, before anything is decided: they must leave the store as it was. */
    private static final Set<Integer> MALFORMED = Set.of(400, 413, 415, 422);
    /**
     * One of them longer than any bounded parameter, one per request: the whole request line stays under the HTTP
     * layer's limit (4 KB), beyond which Vert.x answers 414 from its codec, with no body and no hook for one
     * (quarkusio/quarkus#55082).
     */
    private static final List<String> HOSTILE_VALUES = List.of("", " ", "abc", "-1", "0", "99999999999999999999",
            "+999999999-12-31T00:00:00Z", "2026-02-30", "2026-13-01T00:00:00Z", "\u0000", "\u202e", "null", "[]", "{}",
            "../../etc/passwd", "$gt", "'; --", "x".repeat(1_000), "1e400", "NaN", "2026-01-01", "%");

    private ApiFuzz() {}

    /**
     * A request to fuzz: a body to mutate ({@code null} for none) or query parameters to replace; {@code bearer} is
     * the Authorization header, {@code null} for a public endpoint.
     */
    public record Target(String method, String path, String bearer, String validBody, Map<String, String> query) {

        public static Target body(String method, String path, String bearer, String validBody) {
            return new Target(method, path, bearer, validBody, Map.of());
        }

        public static Target query(String path, String bearer, Map<String, String> query) {
            return new Target("GET", path, bearer, null, query);
        }
    }

    public static int casesPerTarget(int byDefault) {
        return Integer.getInteger("fuzz.cases", byDefault);
    }

    public static long seed() {
        return Long.getLong("fuzz.seed", 20261202L);
    }

    /**
     * Sends {@code cases} variants of every target; {@code head} reads the event store's head, to check that a
     * malformed request stored nothing. Returns how many variants were accepted.
     */
    public static int run(List<Target> targets, int cases, long seed, LongSupplier head) {
        int accepted = 0;
        for (Target target : targets) {
            JsonMutations bodies = target.validBody() == null ? null : new JsonMutations(target.validBody());
            for (int i = 0; i < cases; i++) {
                long caseSeed = seed + i;
                long before = head.getAsLong();
                Variant variant = variant(target, bodies, caseSeed);
                Response answer = variant.send();
                String described = target.method() + " " + target.path() + " case seed " + caseSeed
                        + " (-Dfuzz.seed=" + caseSeed + " -Dfuzz.cases=1) " + variant.described() + " answered "
                        + answer.statusCode() + ": " + abbreviated(answer.asString());
                int status = answer.statusCode();
                assertThat(status).as(described).isLessThan(500);
                if (status >= 400) {
                    assertThat(answer.contentType()).as(described).startsWith("application/problem+json");
                    assertThat(answer.jsonPath().getInt("status")).as(described).isEqualTo(status);
                    assertThat(answer.jsonPath().getString("detail")).as(described).isNotBlank();
                } else {
                    accepted++;
                }
                if (MALFORMED.contains(status)) {
                    assertThat(head.getAsLong()).as("stored nothing: " + described).isEqualTo(before);
                }
            }
        }
        return accepted;
    }

    private record Variant(RequestSpecification request, String method, String path, String described) {

        Response send() {
            return request.request(method, path);
        }
    }

    private static Variant variant(Target target, JsonMutations bodies, long seed) {
        RequestSpecification request = target.bearer() == null ? given()
                : given().header("Authorization", target.bearer());
        if (bodies != null) {
            byte[] body = bodies.mutate(seed);
            return new Variant(request.contentType("application/json").body(body), target.method(), target.path(),
                    "body " + abbreviated(new String(body, StandardCharsets.UTF_8)));
        }
        Random random = new Random(seed);
        StringBuilder path = new StringBuilder(target.path());
        char separator = '?';
        boolean longOne = false;
        for (Map.Entry<String, String> parameter : target.query().entrySet()) {
            String value = random.nextInt(3) == 0 ? parameter.getValue()
                    : HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
            if (value.length() > 100) {
                value = longOne ? parameter.getValue() : value;
                longOne = true;
            }
            path.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            separator = '&';
        }
        // Encoded here: RestAssured must send the query exactly as built.
        return new Variant(request.urlEncodingEnabled(false), target.method(), path.toString(),
                "query " + abbreviated(path.toString()));
    }

    private static String abbreviated(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
