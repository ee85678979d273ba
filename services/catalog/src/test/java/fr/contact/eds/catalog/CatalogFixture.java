package fr.contact.eds.catalog;

import static io.restassured.RestAssured.given;

import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.testing.TestTokens;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Callers of the catalog and a project carried through the CSE to approval. */
public final class CatalogFixture {

    private CatalogFixture() {}

    public static RequestSpecification as(String role, String subject) {
        return given().header("Authorization", "Bearer " + TestTokens.forRole(role, subject, Map.of()))
                .contentType("application/json");
    }

    public static RequestSpecification asCse(String subject, boolean patientRepresentative) {
        return given().header("Authorization", "Bearer " + TestTokens.forRole(Roles.CSE_MEMBER, subject,
                patientRepresentative ? Map.of("cse_seat", "patient-representative") : Map.of()))
                .contentType("application/json");
    }

    public static String proposal(String title, String variables, String permitUsers) {
        return """
                {"title": "%s", "organisation": "Inserm U1136", "team": ["A. Martin"],
                 "purpose": "Describe night-time bronchiolitis visits", "justification": "No study covers it",
                 "datasets": ["unscheduled-care-episodes"], "variables": [%s], "legalFramework": "MR-004",
                 "dataFrom": "2025-01-01", "dataTo": "2026-12-31", "projectEnd": "2099-12-31",
                 "publicationPlan": "Open-access article", "permitUsers": [%s], "shiftDates": false,
                 "laySummary": "Why infants see a doctor at night", "recipients": ["Inserm U1136"]}
                """.formatted(title, variables, permitUsers);
    }

    /** Drafts, submits and has the CSE approve a project; returns its id. */
    public static String approvedProject(String owner, String variables, String permitUsers) {
        String projectId = as(Roles.RESEARCHER, owner).body(proposal("Approved " + owner, variables, permitUsers))
                .post("/projects").then().statusCode(201).extract().path("projectId");
        as(Roles.RESEARCHER, owner).post("/projects/" + projectId + "/submission").then().statusCode(200);
        asCse("cse-chair", false).post("/projects/" + projectId + "/review").then().statusCode(200);
        asCse("cse-1", true).body("{\"opinion\": \"approve\"}").post("/projects/" + projectId + "/opinions").then()
                .statusCode(200);
        asCse("cse-2", false).body("{\"opinion\": \"approve\"}").post("/projects/" + projectId + "/opinions").then()
                .statusCode(200);
        asCse("cse-3", false).body("{\"opinion\": \"request-changes\"}")
                .post("/projects/" + projectId + "/opinions").then().statusCode(200);
        return projectId;
    }
}
