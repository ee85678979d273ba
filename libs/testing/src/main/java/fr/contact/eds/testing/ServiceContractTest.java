package fr.contact.eds.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * What every CONTACT service promises the platform team, checked in each service by a
 * {@code @QuarkusTest} subclass: probes answer, the Axon wiring is up, admin endpoints need a token
 * with the right role, and every endpoint declares its roles.
 */
public abstract class ServiceContractTest {

    /** The service's root package, e.g. {@code fr.contact.eds.consent}. */
    protected abstract String servicePackage();

    /** The value of {@code contact.service} for this service. */
    protected abstract String serviceName();

    @Test
    void isLive() {
        Management.given().get("/q/health/live").then().statusCode(200);
    }

    /** Health and metrics are for the platform's probes and monitoring: not on the port the ingress routes. */
    @Test
    void answersHealthAndMetricsOnTheManagementPortOnly() {
        Management.given().get("/q/metrics").then().statusCode(200);
        for (String path : new String[]{"/q/metrics", "/q/health", "/q/health/ready"}) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void isReadyWithItsEventStoreAndProcessors() {
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'event-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'event-processors' }.status", equalTo("UP"));
    }

    @Test
    void refusesAdministrationWithoutTokenOrWithTheWrongRole() {
        given().get("/admin/processors").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("patient")).get("/admin/processors").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("platform-admin")).get("/admin/processors").then()
                .statusCode(200)
                .body("find { it.name == 'delivery-probes' }.running", equalTo(true));
    }

    @Test
    void receivesItsOwnDeliveryProbe() throws InterruptedException {
        String probeId = given().header("Authorization", TestTokens.bearer("platform-admin")).post("/admin/probes")
                .then().statusCode(200).extract().path("probeId");
        long deadline = System.nanoTime() + 10_000_000_000L;
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = given().header("Authorization", TestTokens.bearer("platform-admin"))
                    .get("/admin/probes/" + probeId)
                    .statusCode();
            Thread.sleep(50);
        }
        given().header("Authorization", TestTokens.bearer("platform-admin")).get("/admin/probes/" + probeId)
                .then().statusCode(200).body("service", equalTo(serviceName()));
    }

    @Test
    void describesEveryEndpointWithItsRolesAndProblemsInItsOpenApi() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage(), "fr.contact.eds.platform");
        OpenApiCoverage.assertDescribed(given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().jsonPath(), OpenApiCoverage.endpoints(classes));
    }

    @Test
    void everyEndpointDeclaresItsRoles() {
        EndpointRules.EVERY_ENDPOINT_DECLARES_ITS_ROLES.check(serviceClasses());
    }

    @Test
    void isCutIntoCapabilitiesWithThinRestEdges() {
        var classes = serviceClasses();
        CapabilityRules.onlyRestEdgesSpeakHttp(servicePackage()).check(classes);
        CapabilityRules.restEdgesAreLeaves(servicePackage()).check(classes);
        CapabilityRules.restEdgesBelongToACapability(servicePackage()).check(classes);
        CapabilityRules.capabilitiesFormNoCycles(servicePackage()).check(classes);
    }

    @Test
    void usesNoOtherServicesInternalsAndNoTool() {
        CapabilityRules.noServiceUsesAnothersInternals(servicePackage()).check(serviceClasses());
        CapabilityRules.nothingShippedNeedsATool().check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.contact.eds"));
    }

    private JavaClasses serviceClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage());
    }
}
