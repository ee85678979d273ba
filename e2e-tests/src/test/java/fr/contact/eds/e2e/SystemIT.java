package fr.contact.eds.e2e;

import static fr.contact.eds.e2e.E2eHttp.call;
import static fr.contact.eds.e2e.E2eHttp.fetch;
import static fr.contact.eds.e2e.E2eHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.contact.eds.fhir.conformance.FhirR4Validator;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole system as ./contact runs it: five service processes and the embedded store. */
class SystemIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = E2eHttp.HTTP;
    private static final String EXAMPLE_INS = E2eBundles.EXAMPLE_INS;
    private static final String EXAMPLE_BUNDLE = E2eBundles.EXAMPLE_BUNDLE;
    private static ContactRuntime contact;

    @BeforeAll
    static void up() throws Exception {
        contact = new ContactRuntime(Files.createTempDirectory("contact-e2e"));
        ContactRuntime.Result up = contact.run("up");
        assertThat(up.exitCode()).as(up.output()).isZero();
    }

    @AfterAll
    static void down() throws Exception {
        if (contact != null) {
            contact.run("down");
        }
    }

    private static String token(String role) throws Exception {
        return contact.token(role, "e2e-" + role);
    }

    private static JsonNode receiptWhenArrived(String service, String probeId, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> response;
        do {
            response = call("GET", contact.url(service) + "/admin/probes/" + probeId, token);
            if (response.statusCode() == 200) {
                return JSON.readTree(response.body());
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(service + " never received probe " + probeId + ": " + response.body());
    }

    @Test
    void everyServiceIsReadyAndSaysSo() throws Exception {
        for (String service : ContactRuntime.SERVICES) {
            var ready = call("GET", contact.managementUrl(service) + "/q/health/ready", null);
            assertThat(ready.statusCode()).as(service + ": " + ready.body()).isEqualTo(200);
            assertThat(call("GET", contact.url(service) + "/q/metrics", null).statusCode())
                    .as(service + ": no metrics on the API port").isEqualTo(404);
        }
        ContactRuntime.Result status = contact.run("status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("consent    ready", "catalog    ready", "portal     ready");
    }

    @Test
    void thePortalShowsThePublicPagesFromTheRunningServices() throws Exception {
        for (String page : List.of("/", "/projects", "/datasets", "/statistics", "/rights", "/accessibility")) {
            var answer = call("GET", contact.url("portal") + page, null);
            assertThat(answer.statusCode()).as(page + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.body()).as(page).contains("<html lang=\"fr\">", "<main id=\"contenu\"");
        }
        assertThat(call("GET", contact.url("portal") + "/datasets/catalogue.ttl", null).body())
                .contains("dcat:Dataset");
        assertThat(call("GET", contact.managementUrl("portal") + "/q/health/ready", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anEventWrittenByOneServiceReachesEveryOtherInTheSameTrace() throws Exception {
        String admin = token("platform-admin");
        var sent = call("POST", contact.url("ingestion") + "/admin/probes", admin);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        JsonNode probe = JSON.readTree(sent.body());

        for (String service : ContactRuntime.SERVICES) {
            JsonNode receipt = receiptWhenArrived(service, probe.get("probeId").asText(), admin);
            assertThat(receipt.get("service").asText()).isEqualTo(service);
            assertThat(receipt.get("traceId").asText()).as("trace continues in " + service)
                    .isEqualTo(probe.get("traceId").asText());
        }
    }

    @Test
    void refusesCallsWithoutTokenOrWithTheWrongRole() throws Exception {
        String researcher = token("researcher");
        for (String service : ContactRuntime.SERVICES) {
            assertThat(call("GET", contact.url(service) + "/admin/processors", null).statusCode()).isEqualTo(401);
            assertThat(call("GET", contact.url(service) + "/admin/processors", researcher).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void explainsABusyPortInOneLineAndStartsNothing() throws Exception {
        Path state = Files.createTempDirectory("contact-e2e-busy");
        ContactRuntime other = new ContactRuntime(state);
        try (ServerSocket busy = new ServerSocket(other.port("episodes"))) {
            ContactRuntime.Result up = other.run("up");
            assertThat(up.exitCode()).isNotZero();
            assertThat(up.output().strip()).isEqualTo("contact: port " + other.port("episodes")
                    + " (episodes) is already in use; free it or set CONTACT_EPISODES_PORT");
        }
        assertThat(other.run("status").output()).contains("store      stopped", "consent    stopped");
    }

    @Test
    void rejectsAnUnknownRoleForTokens() throws Exception {
        ContactRuntime.Result token = contact.run("token", "--role", "root");
        assertThat(token.exitCode()).isNotZero();
        assertThat(token.output()).startsWith("contact: --role must be one of");
    }

    @Test
    void takesInABundleFromAnAssociationOnceAndAnswersAResendTheSame() throws Exception {
        ContactRuntime.Result token = contact.run("token", "--role", "association", "--sub", "e2e-software", "--claim",
                "association=sos-e2e");
        assertThat(token.exitCode()).as(token.output()).isZero();
        String bundle = Files
                .readString(contact.root().resolve("services/ingestion/src/test/resources/bundles/home-visit.json"));
        HttpRequest post = HttpRequest.newBuilder(URI.create(contact.url("ingestion") + "/fhir"))
                .header("Authorization", "Bearer " + token.output().strip())
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(bundle)).build();

        HttpResponse<String> first = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> again = HTTP.send(post, HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("type").asText()).isEqualTo("transaction-response");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(first.body()).doesNotContain("255081416802538", "Lef");
        assertThat(FhirR4Validator.errors(first.body())).isEmpty();
    }

    @Test
    void takesInARealEhrBundleAsTheServiceRunsAndAnswersItInValidFhir() throws Exception {
        String association = tokenWith("association", "e2e-software", "association=sos-e2e-synthea");
        String bundle = Files.readString(
                contact.root().resolve("services/ingestion/src/test/resources/synthea/omer483-larkin917.json"));

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(contact.url("ingestion") + "/fhir"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + association)
                .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(bundle))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(FhirR4Validator.errors(answer.body())).isEmpty();
        assertThat(JSON.readTree(answer.body()).get("entry").findValuesAsText("status")).contains("201 Created",
                "200 OK");
        // Four well child visits are answered 200 and not kept; the three other encounters become episodes.
        String steward = token("data-steward");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long episodes;
        do {
            episodes = episodesOf("sos-e2e-synthea", steward, 0);
        } while (episodes < 3 && System.nanoTime() < deadline);
        assertThat(episodes).isEqualTo(3);

        // Its SNOMED CT diagnoses reach a research extract as OMOP condition rows with their vocabulary named.
        String researcher = tokenWith("researcher", "e2e-researcher-synthea", "organisation=inserm");
        String project = E2eProjects.active(contact, researcher, "E2E bronchiolitis");
        JsonNode extract = E2eProjects.finishedExtract(project, researcher);
        HttpResponse<String> conditions = call("GET", project + "/extracts/" + extract.get("extractId").asText()
                + "/files/CONDITION_OCCURRENCE.csv", researcher);
        assertThat(conditions.statusCode()).isEqualTo(200);
        assertThat(conditions.body()).as("the 2026 visit, within the permit; the 2011 emergency is not")
                .contains(",SNOMED:444814009,").doesNotContain(",SNOMED:128613002,");
    }

    @Test
    void acceptsEverySyntheticBundleTheSimulatorPosts() throws Exception {
        ContactRuntime.Result simulated = contact.run("simulate", "--days", "1", "--rate", "40", "--seed", "11");

        assertThat(simulated.exitCode()).as(simulated.output()).isZero();
        assertThat(simulated.output()).containsPattern("simulate: [1-9]\\d* accepted, 0 refused");
    }

    @Test
    void refusesTheBundleThatOnceFrozeEpisodesAndShowsTheNextOneWithEveryServiceReady() throws Exception {
        String nir = "2550814168" + String.format("%03d", (int) (Math.random() * 1000));
        String association = tokenWith("association", "e2e-software", "association=sos-e2e-poison");
        String valid = E2eBundles.example(contact.root(), E2eBundles.withControlKey(nir), "B-" + nir + "-valid");
        String poison = E2eBundles.example(contact.root(), E2eBundles.withControlKey(nir), "B-" + nir + "-poison")
                .replaceFirst("\"valueQuantity\": \\{[^}]*\\}", "\"valueQuantity\": {}");
        assertThat(poison).contains("\"valueQuantity\": {}");

        HttpResponse<String> refused = send("POST", contact.url("ingestion") + "/fhir", association, poison);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("valueQuantity.value");
        // The fuzz suite's inputs, posted to the running system as another association: refused or taken in, never
        // a server error, and every read model still current afterwards (readiness, checked below, is DOWN on a
        // dead letter).
        String fuzzing = tokenWith("association", "e2e-software", "association=sos-e2e-fuzz");
        var mutations = new fr.contact.eds.testing.JsonMutations(
                E2eBundles.example(contact.root(), E2eBundles.withControlKey(nir), "B-" + nir + "-fuzz"));
        long recordsBefore = catalogRecords();
        int fuzzAccepted = 0;
        for (long seed = 1; seed <= 200; seed++) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(contact.url("ingestion")
                    + "/fhir")).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + fuzzing)
                    .header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mutations.mutate(seed))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("mutation " + seed + ": " + answer.body()).isLessThan(500);
            fuzzAccepted += answer.statusCode() == 200 ? 1 : 0;
        }
        assertThat(E2eBundles.importOne(HTTP, contact.url("ingestion"), association, valid).get("accepted").asInt())
                .isEqualTo(1);

        assertThat(episodesOf("sos-e2e-poison", token("data-steward"), 0)).isEqualTo(1);
        // What was taken in is visible: the same episode again and again, mutated where it stayed valid.
        assertThat(fuzzAccepted).as("mutations taken in").isPositive();
        assertThat(episodesOf("sos-e2e-fuzz", token("data-steward"), 0)).isPositive();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (catalogRecords() <= recordsBefore && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(catalogRecords()).as("the catalog's research copy took them in too").isGreaterThan(recordsBefore);
        for (String service : List.of("consent", "ingestion", "episodes", "audit", "catalog")) {
            HttpResponse<String> ready = call("GET", contact.managementUrl(service) + "/q/health/ready", null);
            assertThat(ready.statusCode()).as(service + ": " + ready.body()).isEqualTo(200);
        }
    }

    @Test
    void keepsNoNewDataOfAPatientWhoOpposesUntilTheyWithdraw() throws Exception {
        String nir = "2550814168" + String.format("%03d", (int) (Math.random() * 1000));
        String ins = E2eBundles.withControlKey(nir);
        String patient = tokenWith("patient", "e2e-patient-" + nir, "ins=" + ins);
        String association = tokenWith("association", "e2e-software", "association=sos-e2e-consent");
        String example = E2eBundles.example(contact.root(), ins, EXAMPLE_BUNDLE);

        assertThat(E2eBundles.importOne(HTTP, contact.url("ingestion"), association, example).get("accepted").asInt())
                .isEqualTo(1);

        String steward = token("data-steward");
        assertThat(episodesOf("sos-e2e-consent", steward, 0)).isEqualTo(1);
        String researcher = tokenWith("researcher", "e2e-researcher-consent-" + nir, "organisation=inserm");
        String project = E2eProjects.active(contact, researcher, "E2E bronchiolitis");
        int includedBefore = E2eProjects.finishedExtract(project, researcher).get("manifest").get("includedPersons")
                .asInt();

        HttpResponse<String> opposed = send("POST", contact.url("consent") + "/patients/me/oppositions", patient,
                "{}");
        assertThat(opposed.statusCode()).as(opposed.body()).isEqualTo(201);
        long receipt = JSON.readTree(opposed.body()).get("position").asLong();
        assertThat(episodesOf("sos-e2e-consent", steward, receipt)).as("hidden as of the receipt").isZero();
        JsonNode extractAfter = E2eProjects.finishedExtract(project, researcher);
        assertThat(extractAfter.get("requestPosition").asLong()).isGreaterThanOrEqualTo(receipt);
        assertThat(extractAfter.get("manifest").get("includedPersons").asInt()).as("left out of extracts")
                .isEqualTo(includedBefore - 1);
        JsonNode afterOpposing = E2eBundles.importOne(HTTP, contact.url("ingestion"), association,
                example.replace(EXAMPLE_BUNDLE, "B-" + nir + "-2"));
        assertThat(afterOpposing.get("skippedByOpposition").asInt()).isEqualTo(1);
        assertThat(afterOpposing.get("accepted").asInt()).isZero();

        HttpResponse<String> withdrawn = send("POST", contact.url("consent") + "/patients/me/withdrawals", patient,
                "{}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(JSON.readTree(withdrawn.body()).get("status").asText()).isEqualTo("not-opposed");
        assertThat(episodesOf("sos-e2e-consent", steward, JSON.readTree(withdrawn.body()).get("position").asLong()))
                .isEqualTo(1);
        assertThat(E2eBundles
                .importOne(HTTP, contact.url("ingestion"), association,
                        example.replace(EXAMPLE_BUNDLE, "B-" + nir + "-3"))
                .get("accepted")
                .asInt()).isEqualTo(1);

        JsonNode history = JSON.readTree(call("GET", contact.url("consent") + "/patients/me/consent", patient).body());
        assertThat(history.get("history").findValuesAsText("decision")).containsExactly("opposition", "withdrawal");
        HttpResponse<String> consents = fetch(contact.url("consent") + "/patients/me/consent", patient,
                "application/fhir+json");
        assertThat(consents.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(consents.body()).get("entry")).hasSize(1);
        assertThat(FhirR4Validator.errors(consents.body())).isEmpty();
    }

    @Test
    void showsTheDpoExactlyTheEpisodeReadsMadeAndTheVerifierProvesThem() throws Exception {
        String association = tokenWith("association", "e2e-software", "association=sos-e2e-audit");
        String example = E2eBundles.example(contact.root(), EXAMPLE_INS, "B-audit-" + System.nanoTime());
        assertThat(E2eBundles.importOne(HTTP, contact.url("ingestion"), association, example).get("accepted").asInt())
                .isEqualTo(1);
        assertThat(episodesOf("sos-e2e-audit", token("data-steward"), 0)).isEqualTo(1);

        // Any reader of episodes is audited the same way: the data steward here, a permit holder below.
        String subject = "e2e-reader-" + System.nanoTime();
        String reader = tokenWith("data-steward", subject, "purpose=audit-e2e");
        JsonNode page = JSON.readTree(call("GET", contact.url("episodes") + "/episodes?association=sos-e2e-audit",
                reader).body());
        String episodeId = page.get("episodes").get(0).get("episodeId").asText();
        String patient = page.get("episodes").get(0).get("patientPseudonym").asText();
        assertThat(call("GET", contact.url("episodes") + "/episodes/" + episodeId, reader).statusCode())
                .isEqualTo(200);

        String dpo = token("dpo");
        JsonNode trail = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            trail = JSON.readTree(call("GET", contact.url("audit") + "/audit/entries?actor=" + subject, dpo).body());
            if (trail.get("entries").size() >= 2) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(trail.get("entries").findValuesAsText("action")).containsExactly("READ", "SEARCH");
        assertThat(trail.get("entries").get(0).get("patientPseudonyms").get(0).asText()).isEqualTo(patient);
        assertThat(trail.get("entries").findValuesAsText("service")).containsOnly("episodes");
        HttpResponse<String> events = fetch(contact.url("audit") + "/audit/entries?actor=" + subject, dpo,
                "application/fhir+ndjson");
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.body().lines()).hasSize(2).allSatisfy(line -> assertThat(
                FhirR4Validator.errors(line, "https://profiles.ihe.net/ITI/BALP/")).as(line).isEmpty());
        assertThat(events.body()).contains("IHE.BasicAudit.PatientRead", "IHE.BasicAudit.PatientQuery");

        assertThat(call("POST", contact.url("audit") + "/audit/tree-heads", dpo).statusCode()).isEqualTo(200);
        ContactRuntime.Result verified = contact.run("verify-audit", "--full", "--entry",
                trail.get("entries").get(0).get("accessId").asText(), "--entry",
                trail.get("entries").get(1).get("accessId").asText());
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("match the signed tree head", "is in the signed tree");
    }

    @Test
    void leavesOutOfTheNextExtractAPatientWhoOpposesAfterTheCseApproved() throws Exception {
        String nir = "1720531" + String.format("%06d", (int) (Math.random() * 1_000_000));
        String ins = E2eBundles.withControlKey(nir);
        String association = tokenWith("association", "e2e-software", "association=sos-e2e-research");
        String example = E2eBundles.example(contact.root(), ins, "B-" + nir);
        assertThat(E2eBundles.importOne(HTTP, contact.url("ingestion"), association, example).get("accepted").asInt())
                .isEqualTo(1);

        String researcher = tokenWith("researcher", "e2e-researcher-" + nir, "organisation=inserm");
        String project = E2eProjects.active(contact, researcher, "E2E bronchiolitis");
        String projectId = project.substring(project.lastIndexOf('/') + 1);

        JsonNode first = E2eProjects.finishedExtract(project, researcher);
        int included = first.get("manifest").get("includedPersons").asInt();
        assertThat(included).isPositive();

        String patient = tokenWith("patient", "e2e-patient-" + nir, "ins=" + ins);
        HttpResponse<String> opposed = opposeProject(patient, projectId,
                System.nanoTime() + Duration.ofSeconds(15).toNanos());
        assertThat(opposed.statusCode()).as(opposed.body()).isEqualTo(201);

        JsonNode second = E2eProjects.finishedExtract(project, researcher);
        assertThat(second.get("requestPosition").asLong())
                .isGreaterThanOrEqualTo(JSON.readTree(opposed.body()).get("position").asLong());
        assertThat(second.get("manifest").get("includedPersons").asInt()).isEqualTo(included - 1);
        assertThat(second.get("manifest").get("excludedPersons").asInt()).isGreaterThanOrEqualTo(1);
        HttpResponse<String> person = call("GET", project + "/extracts/" + second.get("extractId").asText()
                + "/files/PERSON.csv", researcher);
        assertThat(person.statusCode()).isEqualTo(200);
        assertThat(person.body()).startsWith("person_id,gender_concept_id,year_of_birth");
    }

    @Test
    void letsAPermitHolderReadEpisodesAsTheirProjectSeesThemUntilThePatientOpposesIt() throws Exception {
        String nir = "1680975" + String.format("%06d", (int) (Math.random() * 1_000_000));
        String ins = E2eBundles.withControlKey(nir);
        String association = tokenWith("association", "e2e-software", "association=sos-e2e-permit");
        String example = E2eBundles.example(contact.root(), ins, "B-permit-" + nir);
        assertThat(E2eBundles.importOne(HTTP, contact.url("ingestion"), association, example).get("accepted").asInt())
                .isEqualTo(1);
        JsonNode asSteward = JSON.readTree(call("GET", contact.url("episodes")
                + "/episodes?association=sos-e2e-permit", token("data-steward")).body()).get("episodes").get(0);

        String researcher = tokenWith("researcher", "e2e-permit-holder-" + nir, "organisation=inserm");
        String project = E2eProjects.active(contact, researcher, "E2E bronchiolitis");
        String projectId = project.substring(project.lastIndexOf('/') + 1);
        String search = contact.url("episodes") + "/episodes?association=sos-e2e-permit&project=" + projectId;
        HttpResponse<String> page;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        do { // the episodes service learns of the permit from the catalog's events
            page = call("GET", search, researcher);
            Thread.sleep(page.statusCode() == 200 ? 0 : 100);
        } while (page.statusCode() != 200 && System.nanoTime() < deadline);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonNode seen = JSON.readTree(page.body());
        assertThat(seen.get("total").asInt()).isEqualTo(1);
        JsonNode episode = seen.get("episodes").get(0);
        assertThat(episode.get("patientPseudonym").asText()).isNotEqualTo(asSteward.get("patientPseudonym").asText());
        assertThat(episode.get("episodeId").asText()).isNotEqualTo(asSteward.get("episodeId").asText());
        assertThat(episode.get("outcome").isNull()).as("episode.outcome is not on the permit").isTrue();
        assertThat(episode.get("practitionerRole").asText()).as("visit.modality is").isEqualTo("locum");
        assertThat(episode.get("practitionerPseudonym").isNull()).isTrue();
        assertThat(asSteward.get("practitionerPseudonym").asText()).startsWith("v1.");
        assertThat(call("GET", search, tokenWith("researcher", "e2e-not-on-permit", "organisation=x")).statusCode())
                .isEqualTo(403);

        String patient = tokenWith("patient", "e2e-patient-" + nir, "ins=" + ins);
        HttpResponse<String> opposed = opposeProject(patient, projectId, deadline);
        assertThat(opposed.statusCode()).as(opposed.body()).isEqualTo(201);
        long receipt = JSON.readTree(opposed.body()).get("position").asLong();
        JsonNode afterOpposing = JSON.readTree(call("GET", search + "&after=" + receipt, researcher).body());
        assertThat(afterOpposing.get("total").asInt()).isZero();
        assertThat(episodesOf("sos-e2e-permit", token("data-steward"), receipt)).as("other uses go on").isEqualTo(1);
    }

    @Test
    void answersWithNoDirectIdentifierOnAnyReadPath() throws Exception {
        String association = tokenWith("association", "e2e-software", "association=sos-e2e-identifiers");
        String example = E2eBundles.example(contact.root(), EXAMPLE_INS, "B-identifiers-" + System.nanoTime());
        JsonNode job = E2eBundles.importOne(HTTP, contact.url("ingestion"), association, example);
        assertThat(job.get("accepted").asInt()).isEqualTo(1);
        String steward = token("data-steward");
        assertThat(episodesOf("sos-e2e-identifiers", steward, 0)).isEqualTo(1);
        JsonNode episode = JSON.readTree(call("GET", contact.url("episodes")
                + "/episodes?association=sos-e2e-identifiers", steward).body()).get("episodes").get(0);
        String dpo = token("dpo");
        String researcher = tokenWith("researcher", "e2e-identifiers-" + System.nanoTime(), "organisation=inserm");
        String project = E2eProjects.active(contact, researcher, "E2E bronchiolitis");
        JsonNode extract = E2eProjects.finishedExtract(project, researcher);

        List<String> answers = new java.util.ArrayList<>(List.of(job.toString(), episode.toString()));
        for (String url : List.of(
                contact.url("episodes") + "/episodes/" + episode.get("episodeId").asText(),
                contact.url("episodes") + "/patients/" + episode.get("patientPseudonym").asText() + "/episodes",
                contact.url("episodes") + "/indicators/daily?from=2026-01-15&to=2026-01-16",
                contact.url("audit") + "/audit/entries?patient=" + episode.get("patientPseudonym").asText(),
                contact.url("catalog") + "/public/statistics?from=2026-01-01&to=2026-02-01&groupBy=departement",
                contact.url("catalog") + "/datasets/unscheduled-care-episodes")) {
            HttpResponse<String> answer = call("GET", url, url.contains("/audit/") ? dpo
                    : url.contains("/datasets/") ? researcher : steward);
            assertThat(answer.statusCode()).as(url + " " + answer.body()).isEqualTo(200);
            answers.add(answer.body());
        }
        for (JsonNode file : extract.get("manifest").get("files")) {
            answers.add(call("GET", project + "/extracts/" + extract.get("extractId").asText() + "/files/"
                    + file.get("name").asText(), researcher).body());
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain("255081416802538",
                "Lefèvre", "Lef\\u00e8vre", "Marie", "12 34 56 78", "Tilleuls", "1955-08-14", "B-identifiers",
                "toux depuis", "10101234567", "98 76 54 32", "Remplaçant"));
    }

    /**
     * The patient's opposition to a research project, asked again until consent knows the project (it learns of
     * approved projects from the catalog's events) or {@code deadline} (System.nanoTime) passes.
     */
    private static HttpResponse<String> opposeProject(String patient, String projectId, long deadline)
            throws Exception {
        HttpResponse<String> opposed;
        do {
            opposed = send("POST", contact.url("consent") + "/patients/me/project-oppositions", patient,
                    "{\"projectId\": \"" + projectId + "\"}");
            Thread.sleep(opposed.statusCode() == 404 ? 100 : 0);
        } while (opposed.statusCode() == 404 && System.nanoTime() < deadline);
        return opposed;
    }

    /** A project drafted by {@code researcher}, approved by the CSE and activated; returns its URL. */
    /** Care episodes in the catalog's research copy, as the dataset description counts them. */
    private static long catalogRecords() throws Exception {
        HttpResponse<String> dataset = call("GET", contact.url("catalog") + "/datasets/unscheduled-care-episodes",
                token("data-steward"));
        assertThat(dataset.statusCode()).as(dataset.body()).isEqualTo(200);
        JsonNode records = JSON.readTree(dataset.body()).get(0).get("numberOfRecords");
        return records == null || records.isNull() ? 0 : records.asLong();
    }

    private static long episodesOf(String association, String token, long after) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> page;
        do {
            page = call("GET", contact.url("episodes") + "/episodes?association=" + association + "&after=" + after,
                    token);
            if (page.statusCode() == 200 && (after > 0 || JSON.readTree(page.body()).get("total").asLong() > 0)) {
                return JSON.readTree(page.body()).get("total").asLong();
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("episodes not answering: " + page.statusCode() + " " + page.body());
    }

    private static String tokenWith(String role, String subject, String claim) throws Exception {
        return contact.token(role, subject, claim);
    }

    @Test
    void keepsDataAcrossDownAndUp() throws Exception {
        String admin = token("platform-admin");
        JsonNode probe = JSON.readTree(call("POST", contact.url("catalog") + "/admin/probes", admin).body());
        String probeId = probe.get("probeId").asText();
        receiptWhenArrived("audit", probeId, admin);

        assertThat(contact.run("down").exitCode()).isZero();
        ContactRuntime.Result up = contact.run("up");
        assertThat(up.exitCode()).as(up.output()).isZero();

        assertThat(receiptWhenArrived("audit", probeId, token("platform-admin")).get("sentBy").asText())
                .isEqualTo("catalog");
        var processors = JSON.readTree(call("GET", contact.url("audit") + "/admin/processors", admin).body());
        assertThat(processors.findValuesAsText("name")).contains("delivery-probes");
    }
}
