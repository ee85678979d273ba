package fr.contact.eds.platform.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class ProblemBodiesTest {

    private static RequestSpecification admin() {
        return given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN));
    }

    private static ValidatableResponse problem(io.restassured.response.Response answer, int status) {
        return answer.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("title", not(equalTo(null))).body("detail", not(equalTo(null)));
    }

    @Test
    void answersACallWithoutTokenWithAProblemAndABearerChallenge() {
        problem(given().post("/admin/probes"), 401).header("WWW-Authenticate", "Bearer")
                .body("field", equalTo("Authorization"));
    }

    @Test
    void answersAForgedTokenWithAProblem() {
        String forged = TestTokens.forRole(Roles.PLATFORM_ADMIN);
        forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA";
        problem(given().header("Authorization", "Bearer " + forged).post("/admin/probes"), 401);
    }

    @Test
    void answersTheWrongRoleWithAProblem() {
        problem(given().header("Authorization", TestTokens.bearer(Roles.RESEARCHER)).post("/admin/probes"), 403);
    }

    @Test
    void answersAnUnknownRouteWithAJsonProblemNotAPage() {
        problem(admin().get("/no/such/route"), 404).body("detail", containsString("/no/such/route"));
        problem(given().get("/no/such/route"), 404);
    }

    @Test
    void answersAWrongMethodWithAProblemAndTheAllowedOnes() {
        problem(admin().delete("/admin/processors"), 405);
    }

    @Test
    void answersAnUnacceptableMediaTypeWithAProblemNamingAccept() {
        problem(admin().accept("application/xml").get("/admin/processors"), 406).body("field", equalTo("Accept"));
    }

    @Test
    void answersAnUnsupportedContentTypeWithAProblemNamingIt() {
        problem(admin().contentType("text/plain").body("hello").post("/test/echo"), 415)
                .body("field", equalTo("Content-Type"));
    }

    @Test
    void answersMalformedJsonWithAProblemAndNoParserInternals() {
        problem(admin().contentType("application/json").body("{\"title\": ").post("/test/echo"), 400)
                .body("detail", containsString("not well-formed JSON")).body("detail", not(containsString("jackson")));
        problem(admin().contentType("application/json").body("{'title': 'single quotes'}").post("/test/echo"), 400);
    }

    @Test
    void answersAWrongTypeWithAProblemNamingTheField() {
        problem(admin().contentType("application/json").body("{\"count\": \"many\"}").post("/test/echo"), 400)
                .body("field", equalTo("count")).body("detail", not(containsString("java")));
        problem(admin().contentType("application/json").body("{\"lines\": [{\"at\": {\"$gt\": \"\"}}]}")
                .post("/test/echo"), 400).body("field", equalTo("lines[0].at"));
    }

    @Test
    void answersAValueTheRecordRefusesWithItsReason() {
        problem(admin().contentType("application/json").body("{\"title\": \" \"}").post("/test/echo"), 400)
                .body("detail", equalTo("title must not be blank"));
    }

    @Test
    void answersANumberParameterThatIsNotOneWith400NamingIt() {
        problem(admin().get("/test/echo?limit=abc"), 400).body("field", equalTo("limit"));
        admin().get("/test/echo?limit=12").then().statusCode(200).body(equalTo("12"));
    }

    @Test
    void answersABodyOverTheLimitWithAProblem() throws Exception {
        // The size is refused from the announced length, before any byte of the body is read.
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /test/echo HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + TestTokens.bearer(Roles.PLATFORM_ADMIN) + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + 64L * 1024 * 1024 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readNBytes(2048), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("\"status\":413");
        }
    }

    @Test
    void answersAnUnexpectedFailureWithAReferenceNotItsInternals() {
        problem(admin().get("/test/echo/failure"), 500).body("detail", containsString("reference"))
                .body("detail", not(containsString("internal detail")));
    }
}
