package fr.contact.eds.consent.decisions.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import fr.contact.eds.consent.api.Channel;
import fr.contact.eds.consent.api.DecisionOrigin;
import fr.contact.eds.consent.decisions.ConsentStatus;
import fr.contact.eds.consent.decisions.DecisionRecord;
import fr.contact.eds.consent.decisions.DecisionRecord.Kind;
import fr.contact.eds.fhir.conformance.FhirR4Validator;
import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentFhirTest {

    private static final DecisionOrigin ONLINE = new DecisionOrigin("patient", Channel.ONLINE, null, null);
    private static final DecisionOrigin BY_POST = new DecisionOrigin("dpo", Channel.POST, "v1.guardian", "LTR-7");

    private static DecisionRecord decision(String decisionId, Kind kind, String at, DecisionOrigin origin,
            String projectId) {
        return new DecisionRecord(decisionId, "OPP-" + decisionId, kind, Instant.parse(at), origin, projectId);
    }

    private static String json(ConsentStatus status) {
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(ConsentFhir.of(status));
    }

    @Test
    void writesEveryKindOfOppositionAsConsentsTheR4ValidatorFindsNoErrorIn() {
        ConsentStatus status = new ConsentStatus(new PatientPseudonym("v1.patient"), List.of(
                decision("d-1", Kind.OPPOSITION, "2026-01-02T10:00:00Z", ONLINE, null),
                decision("d-2", Kind.WITHDRAWAL, "2026-02-02T10:00:00Z", ONLINE, null),
                decision("d-3", Kind.OPPOSITION, "2026-03-02T10:00:00Z", BY_POST, null),
                decision("d-4", Kind.PROJECT_OPPOSITION, "2026-04-02T10:00:00Z", ONLINE, "prj-asthma"),
                decision("d-5", Kind.PROJECT_WITHDRAWAL, "2026-05-02T10:00:00Z", ONLINE, "prj-asthma"),
                decision("d-6", Kind.PROJECT_OPPOSITION, "2026-06-02T10:00:00Z", ONLINE, "prj-flu")));

        String bundle = json(status);

        assertThat(FhirR4Validator.errors(bundle)).as(bundle).isEmpty();
        assertThat(bundle).contains("consent-ResearchStudyContext", "prj-flu").doesNotContain("\"actor\"");
    }

    @Test
    void givesEveryEntryAFullUrl() {
        String bundle = json(new ConsentStatus(new PatientPseudonym("v1.patient"),
                List.of(decision("d-1", Kind.OPPOSITION, "2026-01-02T10:00:00Z", ONLINE, null))));
        assertThat(bundle).contains("\"fullUrl\":\"urn:uuid:");
    }
}
