package fr.contact.eds.catalog.projects.rest;

import static fr.contact.eds.catalog.CatalogFixture.approvedProject;
import static fr.contact.eds.catalog.CatalogFixture.as;
import static fr.contact.eds.catalog.CatalogFixture.asCse;
import static fr.contact.eds.catalog.CatalogFixture.proposal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import fr.contact.eds.catalog.projects.ProjectProjection;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.consistency.ProjectionBarrier;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.testing.ContactTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class ProjectResourceTest {

    @Inject
    ProjectionBarrier barrier;
    @Inject
    AxonRuntime axon;

    private void projected() {
        org.assertj.core.api.Assertions.assertThat(barrier.awaitHead(ProjectProjection.PROCESSOR,
                Duration.ofSeconds(10))).isTrue();
    }

    private static String someone() {
        return "researcher-" + UUID.randomUUID();
    }

    @Test
    void answersAStepOnceTheProjectReadsAsItsNewState() {
        String owner = someone();
        String projectId = approvedProject(owner, "\"person.sex\", \"person.yearOfBirth\"", "");
        projected();
        StreamingEventProcessor projection = axon.configuration().eventProcessingConfiguration()
                .eventProcessor(ProjectProjection.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        projection.shutDown();
        CompletableFuture.runAsync(projection::start, CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));

        as(Roles.RESEARCHER, owner).post("/projects/" + projectId + "/activation").then().statusCode(200);

        as(Roles.RESEARCHER, owner).get("/projects/" + projectId).then().statusCode(200)
                .body("state", equalTo("ACTIVE"));
    }

    @Test
    void takesAProjectThroughTheCseToThePublicPortal() {
        String owner = someone();
        String projectId = approvedProject(owner, "\"person.sex\", \"person.yearOfBirth\"", "");
        projected();
        as(Roles.RESEARCHER, owner).get("/projects/" + projectId).then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("permit.users", hasItem(owner))
                .body("opinions.size()", equalTo(3));
        given().get("/public/projects").then().statusCode(200).body("projectId", hasItem(projectId))
                .body(not(containsString("A. Martin")));
        given().get("/public/projects/" + projectId).then().statusCode(200)
                .body("variables", hasItem("person.sex")).body("decidedAt", notNullValue())
                .body("laySummary", equalTo("Why infants see a doctor at night"))
                .body("recipients", hasItem("Inserm U1136"))
                .body("permitValidUntil", notNullValue()).body(not(containsString("A. Martin")));
        given().get("/public/projects/" + someone()).then().statusCode(404).body("detail", notNullValue());

        as(Roles.RESEARCHER, owner).post("/projects/" + projectId + "/activation").then().statusCode(200)
                .body("state", equalTo("ACTIVE"));
        as(Roles.RESEARCHER, owner).body("{\"resultsSummary\": \"Visits doubled on weekends\"}")
                .post("/projects/" + projectId + "/closing").then().statusCode(200).body("state", equalTo("CLOSED"));
        projected();
        given().get("/public/projects").then()
                .body("find { it.projectId == '" + projectId + "' }.resultsSummary",
                        equalTo("Visits doubled on weekends"));
    }

    @Test
    void waitsForAPatientRepresentativeBeforeDeciding() {
        String owner = someone();
        String projectId = as(Roles.RESEARCHER, owner)
                .body(proposal("Quorum", "\"person.sex\", \"person.yearOfBirth\"", ""))
                .post("/projects").then().statusCode(201).extract().path("projectId");
        as(Roles.RESEARCHER, owner).post("/projects/" + projectId + "/submission").then().statusCode(200);
        asCse("cse-chair", false).post("/projects/" + projectId + "/review").then().statusCode(200);
        for (String member : new String[]{"cse-1", "cse-2", "cse-3"}) {
            asCse(member, false).body("{\"opinion\": \"approve\"}").post("/projects/" + projectId + "/opinions")
                    .then().body("state", equalTo("UNDER_REVIEW"));
        }
        asCse("cse-4", true).body("{\"opinion\": \"approve\"}").post("/projects/" + projectId + "/opinions").then()
                .body("state", equalTo("APPROVED"));
    }

    @Test
    void refusesATitleOfAMegabyteOrATeamMemberWithAControlCharacterNamingTheField() {
        as(Roles.RESEARCHER, someone())
                .body(proposal("T".repeat(1_000_000), "\"person.sex\", \"person.yearOfBirth\"", "")).post("/projects")
                .then().statusCode(400).body("field", equalTo("title"));
        as(Roles.RESEARCHER, someone())
                .body(proposal("Fine", "\"person.sex\", \"person.yearOfBirth\"", "").replace("A. Martin", "A.\\u0000M"))
                .post("/projects").then().statusCode(400).body("field", equalTo("team"));
    }

    @Test
    void answersAnIllegalTransitionWithTheCurrentState() {
        String owner = someone();
        String projectId = as(Roles.RESEARCHER, owner)
                .body(proposal("Early", "\"person.sex\", \"person.yearOfBirth\"", ""))
                .post("/projects").then().statusCode(201).extract().path("projectId");
        as(Roles.RESEARCHER, owner).post("/projects/" + projectId + "/activation").then().statusCode(409)
                .body("field", equalTo("state")).body("detail", containsString("DRAFT"));
        // Another researcher learns no more about this draft than about a project that does not exist.
        String intruding = as(Roles.RESEARCHER, someone()).post("/projects/" + projectId + "/submission").then()
                .statusCode(404).extract().path("detail");
        String missing = as(Roles.RESEARCHER, owner).post("/projects/prj-nope/submission").then().statusCode(404)
                .extract().path("detail");
        assertThat(intruding.replace(projectId, "X")).isEqualTo(missing.replace("prj-nope", "X"));
    }

    @Test
    void namesWhatIsWrongInAProposal() {
        as(Roles.RESEARCHER, someone()).body(proposal("Bad", "\"person.name\"", "")).post("/projects").then()
                .statusCode(400).body("field", equalTo("variables"))
                .body("detail", containsString("valid ones: person.sex"));
        as(Roles.RESEARCHER, someone()).body(proposal("Bad", "\"person.sex\", \"person.yearOfBirth\"", "")
                .replace("unscheduled-care-episodes", "nowhere")).post("/projects").then().statusCode(400)
                .body("field", equalTo("datasets")).body("detail", containsString("unscheduled-care-episodes"));
        as(Roles.RESEARCHER, someone()).body(proposal("", "\"person.sex\", \"person.yearOfBirth\"", ""))
                .post("/projects").then()
                .statusCode(400).body("field", equalTo("title"));
        asCse("cse-1", true).body("{\"opinion\": \"maybe\"}").post("/projects/prj-x/opinions").then()
                .statusCode(400).body("field", equalTo("opinion"));
    }
}
