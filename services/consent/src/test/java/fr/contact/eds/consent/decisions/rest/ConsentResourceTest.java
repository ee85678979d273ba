package fr.contact.eds.consent.decisions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.mongodb.client.MongoClient;
import fr.contact.eds.fhir.conformance.FhirR4Validator;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.api.PersonalDataErasedEvent;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.crypto.SubjectKeys;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.pseudonymisation.PatientIdentity;
import fr.contact.eds.pseudonymisation.Pseudonymiser;
import fr.contact.eds.testing.AccessRecordRefusal;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.StoredText;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class ConsentResourceTest {

    @Inject
    AxonRuntime axon;
    @Inject
    MongoClient mongo;
    @Inject
    SubjectKeys subjectKeys;
    @Inject
    Pseudonymiser pseudonymiser;
    @Inject
    fr.contact.eds.consent.projects.KnownProjects knownProjects;

    /** A fresh, valid qualified INS: NIR of a woman born in Paris, and its control key. */
    static String newIns() {
        String nir = "2850375" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        return nir + String.format("%02d", 97 - Long.parseLong(nir) % 97);
    }

    /** The identity provider's subject: opaque, as FranceConnect's are, never the INS itself. */
    static String subjectOf(String ins) {
        return "fc-" + Integer.toHexString(ins.hashCode());
    }

    static RequestSpecification asPatient(String ins) {
        return given().header("Authorization", "Bearer " + TestTokens.forRole(Roles.PATIENT, subjectOf(ins),
                Map.of("ins", ins))).contentType("application/json");
    }

    static RequestSpecification asDpoOffice() {
        return given().header("Authorization", TestTokens.bearer(Roles.DPO_OFFICE)).contentType("application/json");
    }

    static String child(LocalDate born) {
        return "{\"child\": {\"familyName\": \"Durand\", \"givenName\": \"Léa\", \"birthDate\": \"" + born
                + "\", \"sex\": \"female\"}}";
    }

    @Nested
    class Opposing {

        @Test
        void registersAnOppositionWithoutReasonAndHandsBackAReceipt() {
            asPatient(newIns()).body("{}").post("/patients/me/oppositions").then().statusCode(201)
                    .body("reference", matchesPattern("OPP-\\d{8}-[A-Z2-9]{6}"))
                    .body("status", equalTo("opposed"))
                    .body("effectiveAt", notNullValue())
                    .body("repeated", equalTo(false))
                    .body("position", greaterThanOrEqualTo(0));
        }

        @Test
        void answersARepeatedOppositionWithTheDecisionInForce() {
            String ins = newIns();
            String first = asPatient(ins).body("{}").post("/patients/me/oppositions").then().statusCode(201)
                    .extract().path("reference");

            asPatient(ins).body("{}").post("/patients/me/oppositions").then().statusCode(200)
                    .body("reference", equalTo(first)).body("repeated", equalTo(true));
            asPatient(ins).get("/patients/me/consent").then().statusCode(200)
                    .body("status", equalTo("opposed")).body("history", hasSize(1));
        }

        @Test
        void showsTheSameDecisionWhetherRegisteredOnlineOrByPost() {
            String ins = newIns();
            asDpoOffice().body("{\"patient\": {\"ins\": \"" + ins + "\"}, \"letterReference\": \"LR-2026-0042\"}")
                    .post("/dpo-office/oppositions").then().statusCode(201);

            asPatient(ins).get("/patients/me/consent").then().statusCode(200)
                    .body("status", equalTo("opposed"))
                    .body("history[0].channel", equalTo("post"))
                    .body("history[0].letterReference", equalTo("LR-2026-0042"));
        }

        @Test
        void recordsEveryDecisionAndStatusReadAsAnAccessNamingOnlyThePseudonym() {
            String ins = newIns();
            long before = axon.engine().headPosition();

            asPatient(ins).body("{}").post("/patients/me/oppositions").then().statusCode(201);
            asPatient(ins).get("/patients/me/consent").then().statusCode(200);

            List<AccessRecordedEvent> accesses = axon.engine()
                    .readEvents(new GlobalSequenceTrackingToken(before), false).map(e -> e.getPayload())
                    .filter(AccessRecordedEvent.class::isInstance).map(AccessRecordedEvent.class::cast)
                    .filter(a -> a.actorSubject().equals(subjectOf(ins))).toList();
            assertThat(accesses).extracting(AccessRecordedEvent::purpose)
                    .containsExactly("opposition decision", "consent status");
            assertThat(accesses).allSatisfy(a -> assertThat(a.patientPseudonyms()).singleElement().asString()
                    .startsWith("v1."));
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void withdrawsAndKeepsBothDecisionsInTheHistory() {
            String ins = newIns();
            asPatient(ins).body("{}").post("/patients/me/oppositions").then().statusCode(201);

            asPatient(ins).body("{}").post("/patients/me/withdrawals").then().statusCode(200)
                    .body("status", equalTo("not-opposed"))
                    .body("reference", matchesPattern("WDR-\\d{8}-[A-Z2-9]{6}"));
            asPatient(ins).get("/patients/me/consent").then().statusCode(200)
                    .body("status", equalTo("not-opposed"))
                    .body("history.decision", equalTo(List.of("opposition", "withdrawal")));
        }

        @Test
        void decidesNothingForAPatientWhoNeverOpposed() {
            asPatient(newIns()).body("{}").post("/patients/me/withdrawals").then().statusCode(200)
                    .body("status", equalTo("not-opposed")).body("repeated", equalTo(true))
                    .body("reference", equalTo(null));
        }
    }

    @Nested
    class Erasing {

        @Test
        void destroysThePatientsKeysOpposesAndSaysSo() {
            String ins = newIns();
            String keyId = subjectKeys.keyIdFor(pseudonymiser.pseudonymOf(PatientIdentity.withIns(ins)).value());
            long before = axon.engine().headPosition();

            asPatient(ins).body("{}").post("/patients/me/erasures").then().statusCode(201)
                    .body("status", equalTo("erased"))
                    .body("reference", matchesPattern("ERA-\\d{8}-[A-Z2-9]{6}"));

            assertThat(subjectKeys.key(keyId)).isEmpty();
            assertThat(axon.engine().readEvents(new GlobalSequenceTrackingToken(before), false)
                    .map(e -> e.getPayload()).filter(PersonalDataErasedEvent.class::isInstance)
                    .map(PersonalDataErasedEvent.class::cast)).singleElement()
                    .satisfies(e -> assertThat(e.subjectKeyIds()).containsExactly(keyId));
            asPatient(ins).get("/patients/me/consent").then().statusCode(200)
                    .body("status", equalTo("opposed"))
                    .body("history.decision", equalTo(List.of("opposition", "erasure")));
        }

        @Test
        void registersAnErasureReceivedByPost() {
            asDpoOffice().body("{\"patient\": {\"ins\": \"" + newIns() + "\"}, \"letterReference\": \"LR-9\"}")
                    .post("/dpo-office/erasures").then().statusCode(201).body("status", equalTo("erased"));
        }
    }

    @Nested
    class AsFhir {

        @Test
        void exportsEachOppositionAsAnOptOutConsent() {
            String ins = newIns();
            asPatient(ins).body("{}").post("/patients/me/oppositions").then().statusCode(201);
            asPatient(ins).body("{}").post("/patients/me/withdrawals").then().statusCode(200);
            asPatient(ins).body("{}").post("/patients/me/oppositions").then().statusCode(201);

            asPatient(ins).accept("application/fhir+json").get("/patients/me/consent").then().statusCode(200)
                    .body("resourceType", equalTo("Bundle"))
                    .body("entry", hasSize(2))
                    .body("entry.resource.status", equalTo(List.of("inactive", "active")))
                    .body("entry[0].resource.provision.type", equalTo("deny"))
                    .body("entry[0].resource.provision.period.end", notNullValue())
                    .body("entry[0].resource.provision.purpose[0].code", equalTo("HRESCH"))
                    .body("entry[0].resource.policyRule.coding[0].code", equalTo("OPTOUT"))
                    .body("entry[0].resource.scope.coding[0].code", equalTo("research"));
        }
    }

    @Nested
    class OpposingOneProject {

        private String approvedProject() {
            String projectId = "prj-" + java.util.UUID.randomUUID();
            var proposal = new fr.contact.eds.catalog.api.ProjectProposal("Asthma at night", "Inserm", List.of("A"),
                    "p", "j", List.of("unscheduled-care-episodes"), List.of("person.sex"), "MR-004",
                    LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2099, 1, 1), "article",
                    List.of(), false, null, List.of());
            var store = axon.configuration().eventStore();
            store.publish(org.axonframework.eventhandling.GenericEventMessage.asEventMessage(
                    new fr.contact.eds.catalog.api.ProjectDraftedEvent(projectId, "r-1", proposal, Instant.now())));
            store.publish(org.axonframework.eventhandling.GenericEventMessage.asEventMessage(
                    new fr.contact.eds.catalog.api.ProjectApprovedEvent(projectId, null, Instant.now())));
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (knownProjects.title(projectId).isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return projectId;
        }

        @Test
        void opposesOneApprovedProjectAndWithdrawsIt() {
            String ins = newIns();
            String projectId = approvedProject();
            asPatient(ins).body("{\"projectId\": \"" + projectId + "\"}").post("/patients/me/project-oppositions")
                    .then().statusCode(201).body("status", equalTo("opposed-to-project"))
                    .body("covers", org.hamcrest.Matchers.containsString("Asthma at night"));
            asPatient(ins).body("{\"projectId\": \"" + projectId + "\"}").post("/patients/me/project-oppositions")
                    .then().statusCode(200).body("repeated", equalTo(true));
            asPatient(ins).get("/patients/me/consent").then().body("status", equalTo("not-opposed"))
                    .body("opposedProjects", org.hamcrest.Matchers.contains(projectId));
            String bundle = asPatient(ins).accept("application/fhir+json").get("/patients/me/consent").then()
                    .statusCode(200).body("entry[0].resource.extension[0].valueReference.identifier.value",
                            equalTo(projectId))
                    .body("entry[0].resource.status", equalTo("active")).extract().asString();
            org.assertj.core.api.Assertions.assertThat(FhirR4Validator.errors(bundle)).as(bundle).isEmpty();
            asPatient(ins).body("{\"projectId\": \"" + projectId + "\"}").post("/patients/me/project-withdrawals")
                    .then().statusCode(200).body("status", equalTo("not-opposed-to-project"));
            asPatient(ins).get("/patients/me/consent").then().body("opposedProjects", hasSize(0));
        }

        @Test
        void refusesAProjectThatIsNotOnThePortal() {
            asPatient(newIns()).body("{\"projectId\": \"prj-unknown\"}").post("/patients/me/project-oppositions")
                    .then().statusCode(404);
            asPatient(newIns()).body("{}").post("/patients/me/project-oppositions").then().statusCode(400)
                    .body("field", equalTo("projectId"));
        }
    }

    @Nested
    class ForAMinorChild {

        @Test
        void letsAParentOpposeForTheirChildAndKeepsBothPseudonyms() {
            String parent = newIns();
            asPatient(parent).body(child(LocalDate.now().minusYears(9))).post("/patients/me/oppositions").then()
                    .statusCode(201).body("status", equalTo("opposed"));

            asDpoOffice().body("{\"patient\": {\"familyName\": \"Durand\", \"givenName\": \"Léa\", \"birthDate\": \""
                    + LocalDate.now().minusYears(9) + "\", \"sex\": \"female\"}}")
                    .post("/dpo-office/consent-status").then().statusCode(200)
                    .body("status", equalTo("opposed")).body("history[0].byGuardian", equalTo(true));
        }

        @Test
        void letsAParentReadTheirChildsStatusOnline() {
            String parent = newIns();
            LocalDate born = LocalDate.now().minusYears(7).minusDays(ThreadLocalRandom.current().nextInt(300));
            String child = "{\"child\": {\"familyName\": \"Morel\", \"givenName\": \"Jade\", \"birthDate\": \""
                    + born + "\", \"sex\": \"female\"}}";
            asPatient(parent).body(child).post("/patients/me/child-consent").then().statusCode(200)
                    .body("status", equalTo("not-opposed"));
            asPatient(parent).body(child).post("/patients/me/oppositions").then().statusCode(201);
            asPatient(parent).body(child).post("/patients/me/child-consent").then().statusCode(200)
                    .body("status", equalTo("opposed")).body("history[0].byGuardian", equalTo(true));
            String consents = asPatient(parent).accept("application/fhir+json").body(child)
                    .post("/patients/me/child-consent").then().statusCode(200)
                    .body("entry[0].resource.resourceType", equalTo("Consent")).extract().asString();
            assertThat(FhirR4Validator.errors(consents)).isEmpty();
            asPatient(parent).body("{}").post("/patients/me/child-consent").then().statusCode(400)
                    .body("field", equalTo("child"));
            asPatient(parent).body(child.replace(born.toString(), born.minusYears(20).toString()))
                    .post("/patients/me/child-consent").then().statusCode(403);
        }

        @Test
        void refusesToLetAPatientActForAnotherAdult() {
            asPatient(newIns()).body(child(LocalDate.now().minusYears(30))).post("/patients/me/oppositions").then()
                    .statusCode(403).body("field", equalTo("child"));
        }

        @Test
        void rejectsOppositionForAnAdultNamedAsChild() {
            // An adult's INS (a woman born in March 1985) with a child's birth date typed beside it: the INS wins.
            String adult = newIns();
            String claimed = "{\"child\": {\"ins\": \"" + adult + "\", \"birthDate\": \"2019-02-02\"}}";
            for (String path : List.of("/patients/me/oppositions", "/patients/me/withdrawals",
                    "/patients/me/child-consent", "/patients/me/erasures")) {
                asPatient(newIns()).body(claimed).post(path).then().statusCode(403).body("field", equalTo("child"))
                        .body("detail", containsString("INS"));
            }
            asPatient(adult).get("/patients/me/consent").then().statusCode(200).body("status", equalTo("not-opposed"));
        }

        /** A girl born in February 2019, with a real control key. */
        private static String girlsIns() {
            String nir = "2190275" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            return nir + String.format("%02d", 97 - Long.parseLong(nir) % 97);
        }

        private static String girl(String ins) {
            return "{\"ins\": \"" + ins + "\", \"birthDate\": \"2019-02-14\", \"sex\": \"female\"}";
        }

        private static String awaitListed(String reference) throws InterruptedException {
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (!asDpoOffice().get("/dpo-office/erasure-requests").then().extract().jsonPath()
                    .getList("reference").contains(reference) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            return reference;
        }

        @Test
        void turnsAParentsOnlineErasureRequestIntoOneTheDpoOfficeConfirms() throws Exception {
            String parent = newIns();
            String child = girlsIns();
            String keyId = subjectKeys.keyIdFor(pseudonymiser.pseudonymOf(PatientIdentity.withIns(child)).value());
            String reference = asPatient(parent).body("{\"child\": " + girl(child) + "}").post("/patients/me/erasures")
                    .then().statusCode(202).body("status", equalTo("erasure-requested"))
                    .body("covers", containsString("Nothing is erased yet"))
                    .body("covers", containsString("DPO office")).extract().path("reference");
            assertThat(reference).startsWith("ERQ-");
            assertThat(subjectKeys.key(keyId)).as("nothing erased online").isPresent();
            asPatient(parent).body("{\"child\": " + girl(child) + "}").post("/patients/me/child-consent").then()
                    .statusCode(200).body("status", equalTo("opposed"))
                    .body("history.decision", org.hamcrest.Matchers.hasItem("erasure-request"));

            awaitListed(reference);
            asDpoOffice().body("{\"patient\": " + girl(girlsIns()) + ", \"guardian\": {\"ins\": \"" + parent
                    + "\"}, \"letterReference\": \"LR-1\"}").post("/dpo-office/erasure-requests/" + reference
                            + "/confirmation")
                    .then().statusCode(409).body("field", equalTo("patient"));
            asDpoOffice().body("{\"patient\": " + girl(child) + ", \"letterReference\": \"LR-1\"}")
                    .post("/dpo-office/erasure-requests/" + reference + "/confirmation").then().statusCode(400)
                    .body("field", equalTo("guardian"));
            assertThat(subjectKeys.key(keyId)).isPresent();

            String confirmation = "{\"patient\": " + girl(child) + ", \"guardian\": {\"ins\": \"" + parent
                    + "\"}, \"letterReference\": \"LR-1\"}";
            asDpoOffice().body(confirmation).post("/dpo-office/erasure-requests/" + reference + "/confirmation")
                    .then().statusCode(201).body("status", equalTo("erased"));
            assertThat(subjectKeys.key(keyId)).isEmpty();
            asDpoOffice().body(confirmation).post("/dpo-office/erasure-requests/" + reference + "/confirmation")
                    .then().statusCode(409);
            asDpoOffice().post("/dpo-office/erasure-requests/ERQ-NONE/confirmation").then().statusCode(404);
        }

        @Test
        void letsTheDpoOfficeRefuseAnErasureRequestSayingWhy() throws Exception {
            String parent = newIns();
            String child = girlsIns();
            String reference = asPatient(parent).body("{\"child\": " + girl(child) + "}").post("/patients/me/erasures")
                    .then().statusCode(202).extract().path("reference");
            asPatient(parent).body("{\"child\": " + girl(child) + "}").post("/patients/me/erasures").then()
                    .statusCode(200).body("reference", equalTo(reference)).body("repeated", equalTo(true));

            awaitListed(reference);
            asDpoOffice().body("{}").post("/dpo-office/erasure-requests/" + reference + "/refusal").then()
                    .statusCode(400).body("field", equalTo("reason"));
            asDpoOffice().body("{\"reason\": \"No proof of parental authority came within two months\"}")
                    .post("/dpo-office/erasure-requests/" + reference + "/refusal").then().statusCode(200)
                    .body("status", equalTo("refused"));
            asPatient(parent).body("{\"child\": " + girl(child) + "}").post("/patients/me/child-consent").then()
                    .statusCode(200).body("status", equalTo("opposed"))
                    .body("history.decision", org.hamcrest.Matchers.hasItem("erasure-request-refused"));
            asDpoOffice().get("/dpo-office/erasure-requests?status=nonsense").then().statusCode(400)
                    .body("field", equalTo("status"));
        }

        @Test
        void letsAParentNameTheirChildByInsWhenItAgreesWithTheBirthDate() {
            // A girl born in February 2019, with a real control key.
            String nir = "2190275" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            String childIns = nir + String.format("%02d", 97 - Long.parseLong(nir) % 97);
            asPatient(newIns()).body("{\"child\": {\"ins\": \"" + childIns + "\", \"birthDate\": \"2019-02-14\","
                    + " \"sex\": \"female\"}}").post("/patients/me/oppositions").then().statusCode(201);
            asPatient(newIns()).body("{\"child\": {\"ins\": \"" + childIns + "\", \"birthDate\": \"2019-02-14\","
                    + " \"sex\": \"male\"}}").post("/patients/me/oppositions").then().statusCode(403)
                    .body("detail", containsString("sex"));
        }
    }

    @Nested
    class Refusing {

        @Test
        void toRevealAStatusOrDecideWhenTheAccessCannotBeRecorded() {
            String ins = newIns();
            asPatient(ins).body("{}").post("/patients/me/oppositions").then().statusCode(201);
            try (var refusal = AccessRecordRefusal.refuseAccessRecords(axon.configuration().eventStore())) {
                asPatient(ins).get("/patients/me/consent").then().statusCode(500)
                        .body(not(containsString("opposed")));
                asDpoOffice().body("{\"patient\": {\"ins\": \"" + ins + "\"}}").post("/dpo-office/consent-status")
                        .then().statusCode(500).body(not(containsString("opposed")));
                asPatient(ins).body("{}").post("/patients/me/withdrawals").then().statusCode(500);
            }
            asPatient(ins).get("/patients/me/consent").then().statusCode(200).body("status", equalTo("opposed"));
        }

        @Test
        void anIdentityThatNamesNoOneWithTheFieldAtFault() {
            asPatient(newIns()).body("{\"child\": {\"familyName\": \"Durand\", \"givenName\": \"Léa\", "
                    + "\"sex\": \"female\"}}").post("/patients/me/oppositions").then().statusCode(400)
                    .body("field", equalTo("child.birthDate"));
            asDpoOffice().body("{\"patient\": {\"ins\": \"285037505612345\"}, \"letterReference\": \"LR-1\"}")
                    .post("/dpo-office/oppositions").then().statusCode(400).body("field", equalTo("patient.ins"));
            given().header("Authorization", "Bearer " + TestTokens.forRole(Roles.PATIENT, "no-identity", Map.of()))
                    .contentType("application/json").body("{}").post("/patients/me/oppositions").then()
                    .statusCode(400).body("field", equalTo("token.familyName"));
        }

        @Test
        void aLetterWithoutItsReference() {
            asDpoOffice().body("{\"patient\": {\"ins\": \"" + newIns() + "\"}}").post("/dpo-office/oppositions")
                    .then().statusCode(400).body("field", equalTo("letterReference"));
        }

        @Test
        void callersWithoutTokenOrWithTheWrongRole() {
            given().contentType("application/json").body("{}").post("/patients/me/oppositions").then().statusCode(401);
            given().header("Authorization", TestTokens.bearer(Roles.RESEARCHER)).contentType("application/json")
                    .body("{}").post("/patients/me/oppositions").then().statusCode(403);
            asPatient(newIns()).body("{\"patient\": {\"ins\": \"" + newIns() + "\"}, \"letterReference\": \"x\"}")
                    .post("/dpo-office/oppositions").then().statusCode(403);
        }
    }

    @Test
    void keepsNoIdentityInAnyCollection() {
        String ins = newIns();
        asPatient(ins).body("{}").post("/patients/me/oppositions").then().statusCode(201);
        asPatient(ins).body(child(LocalDate.of(2019, 4, 2))).post("/patients/me/oppositions").then().statusCode(201);
        asDpoOffice().body("{\"patient\": {\"familyName\": \"Zanetti\", \"givenName\": \"Ugolino\", \"birthDate\": "
                + "\"1948-02-29\", \"sex\": \"male\"}, \"letterReference\": \"LR-77\"}").post("/dpo-office/oppositions")
                .then().statusCode(201);

        assertThat(StoredText.occurrencesOf(mongo, List.of(ins, "Durand", "DURAND", "Zanetti", "ZANETTI", "Ugolino",
                "1948-02-29", "2019-04-02"))).isEmpty();
    }
}
