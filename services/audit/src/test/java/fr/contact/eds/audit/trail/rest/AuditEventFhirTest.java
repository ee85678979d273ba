package fr.contact.eds.audit.trail.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import fr.contact.eds.audit.trail.AuditEntry;
import fr.contact.eds.fhir.conformance.FhirR4Validator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.junit.jupiter.api.Test;

/**
 * Every AuditEvent the trail exports passes HAPI's R4 validator, and follows the rules of the BALP profile it
 * claims as IHE's FSH sources state them (IHE/ITI.BasicAudit, input/fsh, commit 09fe729): BALP's built package is
 * not served here, so its StructureDefinitions cannot be loaded into the validator.
 */
class AuditEventFhirTest {

    private static final IParser JSON = FhirContext.forR4Cached().newJsonParser();
    private static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";

    private static AuditEntry entry(String action, String outcome, List<String> patients, boolean withOrigin) {
        return new AuditEntry(41, "access-1", Instant.parse("2026-12-03T09:00:00.123Z"), "episodes", "user-7",
                "researcher", "project-7", "research", action, "Episode", patients, outcome,
                "0af7651916cd43dd8448eb211c80319c", withOrigin ? "contact-portal" : null,
                withOrigin ? "10.42.0.17" : null, withOrigin ? "contact-episodes" : null,
                withOrigin ? "GET /episodes?patient=p-1&from=2026-01-01" : null);
    }

    private static List<AuditEntry> everyShape() {
        List<AuditEntry> entries = new ArrayList<>();
        for (String action : List.of("READ", "SEARCH", "EXPORT", "CREATE", "UPDATE", "ERASE")) {
            for (String outcome : List.of("SUCCESS", "DENIED")) {
                for (List<String> patients : List.of(List.<String>of(), List.of("p-1"), List.of("p-1", "p-2"))) {
                    entries.add(entry(action, outcome, patients, true));
                    entries.add(entry(action, outcome, patients, false));
                }
            }
        }
        entries.add(new AuditEntry(7, "not a fhir id!", null, null, null, null, null, null, null, null, List.of(),
                null, null, null, null, null, null));
        return entries;
    }

    @Test
    void everyExportedEventPassesTheR4Validator() {
        for (AuditEntry entry : everyShape()) {
            for (AuditEvent event : AuditEventFhir.of(entry)) {
                String json = JSON.encodeResourceToString(event);
                assertThat(FhirR4Validator.errors(json, AuditEventFhir.BALP)).as(json).isEmpty();
            }
        }
    }

    @Test
    void writesOneEventPerPatientAndTheNonPatientProfileWhenNoneIsNamed() {
        List<AuditEvent> three = AuditEventFhir.of(entry("SEARCH", "SUCCESS", List.of("p-1", "p-2", "p-3"), true));
        assertThat(three).hasSize(3).extracting(e -> patientsOf(e)).containsExactly(List.of("p-1"), List.of("p-2"),
                List.of("p-3"));
        assertThat(three).extracting(AuditEvent::getIdPart).doesNotHaveDuplicates();
        assertThat(profileOf(three.get(0))).isEqualTo("IHE.BasicAudit.PatientQuery");

        List<AuditEvent> none = AuditEventFhir.of(entry("SEARCH", "SUCCESS", List.of(), true));
        assertThat(none).hasSize(1);
        assertThat(profileOf(none.get(0))).isEqualTo("IHE.BasicAudit.Query");
    }

    @Test
    void claimsNoSuccessProfileForADeniedAccess() {
        AuditEvent denied = AuditEventFhir.of(entry("READ", "DENIED", List.of("p-1"), true)).get(0);
        assertThat(denied.getMeta().getProfile()).isEmpty();
        assertThat(denied.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
    }

    @Test
    void claimsNoProfileWithoutARecordedOriginToNameTheClient() {
        AuditEvent legacy = AuditEventFhir.of(entry("READ", "SUCCESS", List.of("p-1"), false)).get(0);
        assertThat(legacy.getMeta().getProfile()).isEmpty();
        AuditEvent backgroundExport = AuditEventFhir.of(entry("EXPORT", "SUCCESS", List.of("p-1"), false)).get(0);
        assertThat(backgroundExport.getType().getCode()).isEqualTo("110106");
    }

    @Test
    void followsTheRulesOfEveryBalpProfileItClaims() {
        for (AuditEntry entry : everyShape()) {
            for (AuditEvent event : AuditEventFhir.of(entry)) {
                String profile = profileOf(event);
                if (profile != null) {
                    followsBalp(event, profile.replace("IHE.BasicAudit.", ""));
                }
            }
        }
    }

    private static void followsBalp(AuditEvent event, String profile) {
        String family = profile.replace("Patient", "");
        assertThat(event.getType().getCode()).isEqualTo("rest");
        assertThat(event.getRecorded()).isNotNull();
        assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
        assertThat(event.getAction().toCode()).isEqualTo(switch (family) {
            case "Read" -> "R";
            case "Query" -> "E";
            case "Create" -> "C";
            case "Update" -> "U";
            default -> "D";
        });
        assertThat(event.getSubtype()).extracting(c -> c.getCode()).containsAnyOf(switch (family) {
            case "Read" -> new String[]{"read", "vread"};
            case "Query" -> new String[]{"search", "search-type", "search-system"};
            case "Update" -> new String[]{"update", "patch"};
            default -> new String[]{family.toLowerCase()};
        });
        String[] clientServer = switch (family) {
            case "Read" -> new String[]{DCM + "#110152", DCM + "#110153"};
            case "Delete" -> new String[]{DCM + "#110150",
                    "http://terminology.hl7.org/CodeSystem/provenance-participant-type#custodian"};
            default -> new String[]{DCM + "#110153", DCM + "#110152"};
        };
        for (String type : clientServer) {
            AuditEventAgentComponent agent = onlyAgent(event, type);
            assertThat(agent.getWho().isEmpty()).as(type + " who").isFalse();
            assertThat(agent.getNetwork().getAddress()).as(type + " network").isNotBlank();
            assertThat(agent.getMedia().isEmpty()).isTrue();
        }
        AuditEventAgentComponent user = onlyAgent(event,
                "http://terminology.hl7.org/CodeSystem/v3-ParticipationType#IRCP");
        assertThat(user.getRequestor()).isTrue();
        assertThat(user.getWho().isEmpty()).isFalse();
        assertThat(user.getNetwork().isEmpty()).as("users are not network devices").isTrue();
        if ("Query".equals(family)) {
            List<AuditEventEntityComponent> queries = event.getEntity().stream()
                    .filter(e -> "24".equals(e.getRole().getCode())).toList();
            assertThat(queries).hasSize(1);
            assertThat(queries.get(0).getType().getCode()).isEqualTo("2");
            assertThat(queries.get(0).getWhat().isEmpty()).isTrue();
            assertThat(new String(queries.get(0).getQuery(), StandardCharsets.UTF_8)).startsWith("GET /");
        } else {
            assertThat(event.getEntity()).filteredOn(e -> "2".equals(e.getType().getCode()))
                    .singleElement().satisfies(data -> {
                        assertThat(data.getRole().getCode()).isIn("3", "4", "20");
                        assertThat(data.getWhat().isEmpty()).isFalse();
                    });
        }
        if (profile.startsWith("Patient")) {
            assertThat(event.getEntity()).filteredOn(e -> "1".equals(e.getRole().getCode())).singleElement()
                    .satisfies(patient -> {
                        assertThat(patient.getType().getCode()).isEqualTo("1");
                        assertThat(patient.getWhat().getType()).isEqualTo("Patient");
                    });
        }
    }

    private static AuditEventAgentComponent onlyAgent(AuditEvent event, String systemAndCode) {
        List<AuditEventAgentComponent> agents = event.getAgent().stream()
                .filter(a -> a.getType().getCoding().stream()
                        .anyMatch(c -> (c.getSystem() + "#" + c.getCode()).equals(systemAndCode)))
                .toList();
        assertThat(agents).as(systemAndCode).hasSize(1);
        return agents.get(0);
    }

    private static String profileOf(AuditEvent event) {
        return event.getMeta().getProfile().isEmpty() ? null
                : event.getMeta().getProfile().get(0).getValue().replace(AuditEventFhir.BALP, "");
    }

    private static List<String> patientsOf(AuditEvent event) {
        return event.getEntity().stream().filter(e -> "1".equals(e.getRole().getCode()))
                .map(e -> e.getWhat().getIdentifier().getValue()).toList();
    }
}
