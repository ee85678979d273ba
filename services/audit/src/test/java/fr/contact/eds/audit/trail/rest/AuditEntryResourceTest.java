package fr.contact.eds.audit.trail.rest;

import static fr.contact.eds.audit.trail.rest.AuditTrailFixture.access;
import static fr.contact.eds.audit.trail.rest.AuditTrailFixture.reads;
import static fr.contact.eds.audit.trail.rest.AuditTrailFixture.recorded;
import static fr.contact.eds.audit.trail.rest.AuditTrailFixture.until;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import ca.uhn.fhir.context.FhirContext;
import fr.contact.eds.audit.trail.AuditEntries;
import fr.contact.eds.audit.trail.AuditLog;
import fr.contact.eds.audit.trail.EntryFilter;
import fr.contact.eds.fhir.conformance.FhirR4Validator;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.pseudonymisation.PatientIdentity;
import fr.contact.eds.pseudonymisation.Pseudonymiser;
import fr.contact.eds.testing.AccessRecordRefusal;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.Management;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.hl7.fhir.r4.model.AuditEvent;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class AuditEntryResourceTest {

    @Inject
    EventStore eventStore;
    @Inject
    AuditLog log;
    @Inject
    AuditEntries entries;
    @Inject
    Pseudonymiser pseudonymiser;

    static RequestSpecification asDpo() {
        return given().header("Authorization", TestTokens.bearer(Roles.DPO));
    }

    private static String someone() {
        return "r-" + UUID.randomUUID();
    }

    @Test
    void findsEntriesByActorPatientAndActionNewestFirst() {
        String actor = someone();
        recorded(eventStore, log, List.of(access(actor, AccessAction.READ, "p-a", "p-b"),
                access(actor, AccessAction.SEARCH, "p-b"), access(actor, AccessAction.EXPORT, "p-c")));

        asDpo().queryParam("actor", actor).get("/audit/entries").then().statusCode(200)
                .body("entries", hasSize(3)).body("entries[0].action", equalTo("EXPORT"))
                .body("entries[2].patientPseudonyms", equalTo(List.of("p-a", "p-b")))
                .body("entries[0].organisation", equalTo("project-7")).body("next", nullValue());
        asDpo().queryParam("actor", actor).queryParam("patient", "p-b").get("/audit/entries").then()
                .body("entries", hasSize(2));
        asDpo().queryParam("actor", actor).queryParam("action", "search").queryParam("project", "project-7")
                .queryParam("from", "2020-01-01").get("/audit/entries").then().body("entries", hasSize(1));
        asDpo().queryParam("actor", actor).queryParam("to", "2020-01-01").get("/audit/entries").then()
                .body("entries", hasSize(0));
    }

    @Test
    void namesTheFieldOfABadCriterion() {
        asDpo().queryParam("action", "peek").get("/audit/entries").then().statusCode(400)
                .body("field", equalTo("action"));
        asDpo().queryParam("from", "yesterday").get("/audit/entries").then().statusCode(400)
                .body("field", equalTo("from"));
        asDpo().queryParam("cursor", "abc").get("/audit/entries").then().statusCode(400)
                .body("field", equalTo("cursor"));
        asDpo().queryParam("limit", 0).get("/audit/entries").then().statusCode(400).body("field", equalTo("limit"));
    }

    @Test
    void pagesWithACursorThatNewEntriesDoNotShift() {
        String actor = someone();
        recorded(eventStore, log, reads(actor, 5));
        String next = asDpo().queryParam("actor", actor).queryParam("limit", 2).get("/audit/entries").then()
                .body("entries", hasSize(2)).extract().path("next");
        recorded(eventStore, log, reads(actor, 1));
        String third = asDpo().queryParam("actor", actor).queryParam("limit", 2).queryParam("cursor", next)
                .get("/audit/entries").then().body("entries", hasSize(2))
                .body("entries[0].patientPseudonyms[0]", equalTo("p-" + actor + "-2")).extract().path("next");
        asDpo().queryParam("actor", actor).queryParam("limit", 2).queryParam("cursor", third).get("/audit/entries")
                .then().body("entries", hasSize(1)).body("next", nullValue());
    }

    @Test
    void exportsCsvAndFhirAuditEventsFollowingBalp() {
        String actor = someone();
        recorded(eventStore, log, List.of(access(actor, AccessAction.READ, "p-x", "p-y")));

        String csv = asDpo().accept("text/csv").queryParam("actor", actor).get("/audit/entries").then()
                .statusCode(200).extract().asString();
        assertThat(csv.lines()).hasSize(2).first().asString().startsWith("leafIndex,occurredAt,service,actorSubject");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains(actor, "p-x;p-y", "researcher", "READ");

        String ndjson = asDpo().accept("application/fhir+ndjson").queryParam("actor", actor).get("/audit/entries")
                .then().statusCode(200).extract().asString();
        assertThat(ndjson.lines()).as("one AuditEvent per patient").hasSize(2);
        List<AuditEvent> events = ndjson.lines()
                .map(line -> FhirContext.forR4Cached().newJsonParser().parseResource(AuditEvent.class, line)).toList();
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
            assertThat(event.getAgentFirstRep().getWho().getIdentifier().getValue()).isEqualTo(actor);
            assertThat(event.getMeta().getProfile()).as("recorded with no origin: no client to name").isEmpty();
        });
        assertThat(events).flatExtracting(AuditEvent::getEntity).filteredOn(e -> "1".equals(e.getRole().getCode()))
                .extracting(e -> e.getWhat().getIdentifier().getValue()).containsExactly("p-x", "p-y");
        ndjson.lines()
                .forEach(line -> assertThat(FhirR4Validator.errors(line, AuditEventFhir.BALP)).as(line).isEmpty());
    }

    @Test
    void recordsWhereTheDposSearchCameFromAndExportsItAsABalpPatientQuery() {
        String patient = "p-" + UUID.randomUUID();
        recorded(eventStore, log, List.of(access(someone(), AccessAction.READ, patient)));
        asDpo().queryParam("patient", patient).get("/audit/entries").then().statusCode(200);

        until(() -> entries.search(EntryFilter.ofPatients(List.of(patient)), null, 10).entries().size() == 2);
        var search = entries.search(EntryFilter.ofPatients(List.of(patient)), null, 10).entries().get(0);
        assertThat(search.request()).isEqualTo("GET /audit/entries?patient=" + patient);
        assertThat(search.clientAddress()).isEqualTo("127.0.0.1");
        assertThat(search.serverAddress()).isEqualTo("localhost");

        String ndjson = asDpo().accept("application/fhir+ndjson").queryParam("patient", patient)
                .queryParam("actor", search.actorSubject()).get("/audit/entries").then().statusCode(200).extract()
                .asString();
        ndjson.lines()
                .forEach(line -> assertThat(FhirR4Validator.errors(line, AuditEventFhir.BALP)).as(line).isEmpty());
        AuditEvent event = ndjson.lines()
                .map(line -> FhirContext.forR4Cached().newJsonParser().parseResource(AuditEvent.class, line))
                .filter(e -> e.getEntity().stream().anyMatch(entity -> "24".equals(entity.getRole().getCode())
                        && search.request().equals(new String(entity.getQuery(), StandardCharsets.UTF_8))))
                .findFirst().orElseThrow();
        assertThat(event.getMeta().getProfile().get(0).getValue()).endsWith("IHE.BasicAudit.PatientQuery");
    }

    @Test
    void recordsTheDposReadOfTheTrailAsAnAccess() {
        String patient = "p-" + UUID.randomUUID();
        recorded(eventStore, log, List.of(access(someone(), AccessAction.READ, patient)));
        asDpo().queryParam("patient", patient).get("/audit/entries").then().body("entries", hasSize(1));

        until(() -> entries.search(EntryFilter.ofPatients(List.of(patient)), null, 10).entries().size() == 2);
        var read = entries.search(EntryFilter.ofPatients(List.of(patient)), null, 10).entries().get(0);
        assertThat(read.service()).isEqualTo("audit");
        assertThat(read.actorRole()).isEqualTo(Roles.DPO);
        assertThat(read.action()).isEqualTo("SEARCH");
        assertThat(read.resourceKind()).isEqualTo("AuditEntry");
    }

    @Test
    void showsAPatientWhoAccessedTheirDataWithoutNamingStaff() {
        String ins = newIns();
        String pseudonym = pseudonymiser.pseudonymOf(PatientIdentity.withIns(ins)).value();
        recorded(eventStore, log, List.of(access("dr-house", AccessAction.READ, pseudonym, "p-other")));

        given().header("Authorization", "Bearer " + TestTokens.forRole(Roles.PATIENT, "fc-1", Map.of("ins", ins)))
                .get("/patients/me/accesses").then().statusCode(200).body("accesses[0].role", equalTo("researcher"))
                .body("accesses[0].organisation", equalTo("project-7"))
                .body("accesses[0].purpose", equalTo("research")).body("accesses[0].actor", nullValue())
                .body(not(containsString("dr-house"))).body(not(containsString("p-other")));
    }

    @Test
    void refusesAndRaisesAnAlertOnAnyChangeAttempt() {
        asDpo().delete("/audit/entries/0").then().statusCode(405).body("detail", containsString("append-only"));
        asDpo().contentType("application/json").body("{}").put("/audit/entries/0").then().statusCode(405);
        // Refused, so the trail is intact: the unauthenticated check stays UP and names nobody.
        Management.given().get("/q/health/group/audit-integrity").then().statusCode(200)
                .body("checks[0].data.changeAttempts", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .body(not(containsString("test-dpo")));
        asDpo().get("/audit/alerts").then().statusCode(200)
                .body("changeAttempts.total", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .body("changeAttempts.recent[0].detail", containsString("tried to"))
                .body("integrityViolations", org.hamcrest.Matchers.empty());
        given().header("Authorization", TestTokens.bearer(Roles.RESEARCHER)).get("/audit/alerts").then()
                .statusCode(403);
        until(() -> entries.search(new EntryFilter(null, null, null, null, "change attempt", null, null, null), null,
                10).entries().stream().anyMatch(e -> "DENIED".equals(e.outcome()) && "ERASE".equals(e.action())));
    }

    @Test
    void revealsNothingWhenTheReadCannotBeRecorded() {
        String actor = someone();
        recorded(eventStore, log, reads(actor, 1));
        try (var refusal = AccessRecordRefusal.refuseAccessRecords(eventStore)) {
            asDpo().queryParam("actor", actor).get("/audit/entries").then().statusCode(500)
                    .body(not(containsString(actor)));
        }
    }

    static String newIns() {
        String nir = "1850375" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        return nir + String.format("%02d", 97 - Long.parseLong(nir) % 97);
    }
}
