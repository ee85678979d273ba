package fr.contact.eds.consent.decisions.rest;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Patients' and the DPO office's requests, fuzzed: a refusal with a problem or a decision, never a server error. */
@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class ConsentFuzzTest {

    private static final String CHILD = """
            {"familyName": "Durand", "givenName": "Léa", "birthDate": "2019-02-14", "sex": "female",
             "birthPlace": "75056"}""";

    @Inject
    AxonRuntime axon;

    @Test
    void answersEveryMutatedRequestWithADecisionOrAProblemAndStoresNothingForAMalformedOne() {
        String ins = ConsentResourceTest.newIns();
        String patient = "Bearer " + TestTokens.forRole(Roles.PATIENT, ConsentResourceTest.subjectOf(ins),
                Map.of("ins", ins));
        String office = TestTokens.bearer(Roles.DPO_OFFICE);
        String forChild = "{\"child\": " + CHILD + "}";
        String letter = "{\"patient\": " + CHILD + ", \"guardian\": {\"ins\": \"" + ins + "\"}, "
                + "\"letterReference\": \"LR-2026-0042\"}";
        List<Target> targets = List.of(
                Target.body("POST", "/patients/me/oppositions", patient, forChild),
                Target.body("POST", "/patients/me/withdrawals", patient, forChild),
                Target.body("POST", "/patients/me/child-consent", patient, forChild),
                Target.body("POST", "/patients/me/project-oppositions", patient,
                        "{\"projectId\": \"prj-unknown\", \"child\": " + CHILD + "}"),
                Target.body("POST", "/dpo-office/oppositions", office, letter),
                Target.body("POST", "/dpo-office/consent-status", office, "{\"patient\": " + CHILD + "}"),
                Target.body("POST", "/dpo-office/erasure-requests/ERQ-20261202-AAAAAA/refusal", office,
                        "{\"reason\": \"No proof came\", \"letterReference\": \"LR-7\"}"));

        int accepted = ApiFuzz.run(targets, ApiFuzz.casesPerTarget(120), ApiFuzz.seed(),
                () -> axon.engine().headPosition());

        assertThat(accepted).as("mutations that keep a request valid are still decided").isPositive();
    }
}
