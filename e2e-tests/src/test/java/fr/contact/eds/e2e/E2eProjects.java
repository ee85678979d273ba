package fr.contact.eds.e2e;

import static fr.contact.eds.e2e.E2eHttp.call;
import static fr.contact.eds.e2e.E2eHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A research project taken through the CSE as the services' APIs allow: drafted, reviewed, approved, active. */
final class E2eProjects {

    private static final ObjectMapper JSON = new ObjectMapper();

    private E2eProjects() {}

    /** The project's URL on the catalog, once approved by three members including the patients' representative. */
    static String active(ContactRuntime contact, String researcher, String title) throws Exception {
        String proposal = """
                {"title": "%s", "organisation": "Inserm", "team": ["A. Martin"], "purpose": "Describe",
                 "justification": "None covers it", "datasets": ["unscheduled-care-episodes"],
                 "variables": ["person.sex", "person.yearOfBirth", "visit.modality", "condition.diagnoses"], "legalFramework": "MR-004",
                 "dataFrom": "2020-01-01", "dataTo": "2030-12-31", "projectEnd": "2099-12-31",
                 "publicationPlan": "Article", "permitUsers": [], "shiftDates": true,
                 "laySummary": "Pourquoi les nourrissons voient un médecin la nuit", "recipients": ["Inserm"]}
                """
                .formatted(title);
        HttpResponse<String> drafted = send("POST", contact.url("catalog") + "/projects", researcher, proposal);
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String project = contact.url("catalog") + "/projects/" + JSON.readTree(drafted.body()).get("projectId")
                .asText();
        assertThat(send("POST", project + "/submission", researcher, "").statusCode()).isEqualTo(200);
        assertThat(send("POST", project + "/review", contact.token("cse-member", "e2e-chair", "x=y"), "")
                .statusCode()).isEqualTo(200);
        String decision = "";
        for (String member : List.of("cse-a", "cse-b", "cse-c")) {
            String seat = member.equals("cse-a") ? "cse_seat=patient-representative" : "x=y";
            decision = send("POST", project + "/opinions", contact.token("cse-member", "e2e-" + member, seat),
                    "{\"opinion\": \"approve\"}").body();
        }
        assertThat(JSON.readTree(decision).get("state").asText()).isEqualTo("APPROVED");
        assertThat(send("POST", project + "/activation", researcher, "").statusCode()).isEqualTo(200);
        return project;
    }

    /** Asks the project's next extract and waits until it is written; its status, manifest included. */
    static JsonNode finishedExtract(String project, String researcher) throws Exception {
        HttpResponse<String> requested = send("POST", project + "/extracts", researcher, "");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        String job = project + "/extracts/" + JSON.readTree(requested.body()).get("extractId").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = JSON.readTree(call("GET", job, researcher).body());
            if (!List.of("queued", "running").contains(status.get("status").asText())) {
                assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("completed");
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("extract " + job + " did not finish");
    }
}
