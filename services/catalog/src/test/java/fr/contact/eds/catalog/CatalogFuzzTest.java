package fr.contact.eds.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import fr.contact.eds.catalog.datasets.rest.DatasetResourceTest;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.testing.ApiFuzz;
import fr.contact.eds.testing.ApiFuzz.Target;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dataset descriptions, project proposals and the public statistics' parameters, fuzzed; afterwards the public
 * catalogue still answers in every format, and conforms to DCAT-AP, whatever was accepted.
 */
@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class CatalogFuzzTest {

    @Inject
    AxonRuntime axon;

    @Test
    void answersEveryMutatedRequestWithASuccessOrAProblemAndKeepsThePublicCatalogueReadable() {
        String steward = "Bearer " + TestTokens.forRole(Roles.DATA_STEWARD, "steward", Map.of());
        String researcher = "Bearer " + TestTokens.forRole(Roles.RESEARCHER, "fuzz-researcher", Map.of());
        List<Target> targets = List.of(
                Target.body("PUT", "/datasets/night-visits-fuzz", steward, DatasetResourceTest.NIGHT_VISITS),
                Target.body("POST", "/projects", researcher,
                        CatalogFixture.proposal("Fuzzed", "\"person.sex\", \"person.yearOfBirth\"",
                                "\"fuzz-researcher\"")),
                Target.query("/public/statistics", null,
                        Map.of("from", "2026-01-01", "to", "2026-02-01", "groupBy", "departement")));

        int accepted = ApiFuzz.run(targets, ApiFuzz.casesPerTarget(120), ApiFuzz.seed(),
                () -> axon.engine().headPosition());

        assertThat(accepted).isPositive();
        io.restassured.RestAssured.given().accept("application/json").get("/public/datasets").then().statusCode(200);
        DatasetResourceTest.assertThatThePublicCatalogueConformsToDcatAp();
        DatasetResourceTest.assertThatNonPublicDatasetsConformToHealthDcatAp("unscheduled-care-episodes");
    }
}
