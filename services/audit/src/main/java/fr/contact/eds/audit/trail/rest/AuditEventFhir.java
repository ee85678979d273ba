package fr.contact.eds.audit.trail.rest;

import fr.contact.eds.audit.trail.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * An entry as FHIR R4 AuditEvents following IHE Basic Audit Log Patterns (BALP 1.1): one per patient the entry
 * names (BALP wants one per patient, where the trail groups an access's patients in one entry), or one under the
 * non-patient profile when it names none; client, server and user agents; the raw request as the query entity of
 * a search. A BALP profile is claimed only where the entry can satisfy it: a success (BALP records failures as
 * plain AuditEvents, FHIR's Access Denied pattern) whose origin was recorded (entries from before origins were kept,
 * and background exports, have no client connection to name).
 */
final class AuditEventFhir {

    static final String BALP = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/";
    private static final String CONTACT = "https://contact-eds.fr/fhir/";
    private static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    private static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    private static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,54}");
    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|.*:.*");

    private AuditEventFhir() {}

    static List<AuditEvent> of(AuditEntry entry) {
        String id = entry.accessId() != null && FHIR_ID.matcher(entry.accessId()).matches() ? entry.accessId()
                : "leaf-" + entry.leafIndex();
        List<String> patients = entry.patientPseudonyms();
        if (patients.isEmpty()) {
            return List.of(event(entry, null, id));
        }
        List<AuditEvent> events = new ArrayList<>(patients.size());
        for (int i = 0; i < patients.size(); i++) {
            events.add(event(entry, patients.get(i), patients.size() == 1 ? id : id + "-" + (i + 1)));
        }
        return events;
    }

    private static AuditEvent event(AuditEntry entry, String patient, String id) {
        Interaction interaction = Interaction.of(entry.action());
        boolean success = "SUCCESS".equals(entry.outcome());
        boolean hasOrigin = entry.clientAddress() != null && entry.serverAddress() != null;
        boolean hasQuery = interaction.query && entry.request() != null;
        AuditEvent event = new AuditEvent();
        event.setId(id);
        if (success && hasOrigin && (hasQuery || !interaction.query)) {
            event.getMeta().addProfile(BALP + "IHE.BasicAudit." + (patient != null ? "Patient" : "")
                    + interaction.profile);
        }
        if (interaction.query && !hasQuery && "EXPORT".equals(entry.action())) {
            event.setType(new Coding(DCM, "110106", "Export"));
        } else {
            event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest",
                    "Restful Operation"));
            event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", interaction.code, null));
        }
        event.setAction(interaction.action);
        if (entry.occurredAt() != null) {
            event.setRecorded(Date.from(entry.occurredAt()));
        } else {
            // R4 requires recorded; an access that came without a time says so rather than being given one.
            event.getRecordedElement().addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason",
                    new CodeType("unknown"));
        }
        event.setOutcome(success ? AuditEvent.AuditEventOutcome._0 : AuditEvent.AuditEventOutcome._4);
        if (!success) {
            event.setOutcomeDesc(entry.outcome() == null ? "Outcome not recorded" : "Denied");
        }
        if (entry.purpose() != null) {
            event.addPurposeOfEvent(new CodeableConcept().setText(entry.purpose()));
        }
        agents(event, entry, interaction);
        event.getSource().setSite("CONTACT EDS").setObserver(new Reference().setDisplay("contact-" + entry.service()))
                .addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4",
                        "Application Server"));
        entities(event, entry, patient, hasQuery);
        return event;
    }

    private static void agents(AuditEvent event, AuditEntry entry, Interaction interaction) {
        AuditEventAgentComponent user = event.addAgent().setRequestor(true);
        user.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                "IRCP", "information recipient")));
        user.setWho(identified(CONTACT + "actor", entry.actorSubject(), "unidentified user"));
        if (entry.actorRole() != null) {
            user.addRole(new CodeableConcept(new Coding(CONTACT + "CodeSystem/role", entry.actorRole(), null)));
        }
        if (entry.purpose() != null) {
            user.addPurposeOfUse(new CodeableConcept().setText(entry.purpose()));
        }
        if (entry.clientAddress() != null) {
            AuditEventAgentComponent client = event.addAgent().setRequestor(false).setType(interaction.client());
            client.setWho(identified(CONTACT + "client", entry.client(), "unidentified client application"));
            client.getNetwork().setAddress(entry.clientAddress()).setType(networkType(entry.clientAddress()));
        }
        if (entry.serverAddress() != null) {
            AuditEventAgentComponent server = event.addAgent().setRequestor(false).setType(interaction.server());
            server.setWho(identified(CONTACT + "service", "contact-" + entry.service(), null));
            server.getNetwork().setAddress(entry.serverAddress()).setType(networkType(entry.serverAddress()));
        }
        if (entry.organisation() != null) {
            event.addAgent().setRequestor(false)
                    .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-RoleClass",
                            "PROV", "healthcare provider")).setText("organisation"))
                    .setWho(identified(CONTACT + "organisation", entry.organisation(), null));
        }
    }

    private static void entities(AuditEvent event, AuditEntry entry, String patient, boolean hasQuery) {
        if (patient != null) {
            event.addEntity().setWhat(new Reference().setType("Patient").setIdentifier(
                    new Identifier().setSystem(CONTACT + "patient-pseudonym").setValue(patient)))
                    .setType(new Coding(ENTITY_TYPE, "1", "Person")).setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
        }
        if (hasQuery) {
            event.addEntity().setType(new Coding(ENTITY_TYPE, "2", "System Object"))
                    .setRole(new Coding(OBJECT_ROLE, "24", "Query"))
                    .setQuery(entry.request().getBytes(StandardCharsets.UTF_8));
        } else {
            event.addEntity().setWhat(new Reference().setDisplay(entry.resourceKind() == null ? "unrecorded kind"
                    : entry.resourceKind())).setType(new Coding(ENTITY_TYPE, "2", "System Object"))
                    .setRole(new Coding(OBJECT_ROLE, "4", "Domain Resource"));
        }
        if (entry.traceId() != null) {
            event.addEntity().setWhat(new Reference().setIdentifier(new Identifier().setValue(entry.traceId())))
                    .setType(new Coding("https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType",
                            "XrequestId", "Request Id"));
        }
    }

    private static Reference identified(String system, String value, String unknown) {
        return value == null ? new Reference().setDisplay(unknown)
                : new Reference().setIdentifier(new Identifier().setSystem(system).setValue(value));
    }

    private static AuditEventAgentNetworkType networkType(String address) {
        return IP_ADDRESS.matcher(address).matches() ? AuditEventAgentNetworkType._2 : AuditEventAgentNetworkType._1;
    }

    /**
     * BALP's profile families. The client and server agent types differ per family as BALP defines them: DICOM's
     * Source/Destination Role IDs follow the direction of the request for a query or a write and of the data for a
     * read, and a delete names the application and the custodian.
     */
    private enum Interaction {

        READ("Read", "read", AuditEvent.AuditEventAction.R, false, "110152", "110153"), QUERY("Query", "search-type",
                AuditEvent.AuditEventAction.E, true, "110153",
                "110152"), CREATE("Create", "create", AuditEvent.AuditEventAction.C, false, "110153", "110152"), UPDATE(
                        "Update", "update", AuditEvent.AuditEventAction.U, false, "110153",
                        "110152"), DELETE("Delete", "delete", AuditEvent.AuditEventAction.D, false, "110150", null);

        private final String profile;
        private final String code;
        private final AuditEvent.AuditEventAction action;
        private final boolean query;
        private final String clientRole;
        private final String serverRole;

        Interaction(String profile, String code, AuditEvent.AuditEventAction action, boolean query,
                String clientRole, String serverRole) {
            this.profile = profile;
            this.code = code;
            this.action = action;
            this.query = query;
            this.clientRole = clientRole;
            this.serverRole = serverRole;
        }

        static Interaction of(String action) {
            return switch (action == null ? "" : action) {
                case "READ" -> READ;
                case "CREATE" -> CREATE;
                case "UPDATE" -> UPDATE;
                case "ERASE" -> DELETE;
                default -> QUERY;
            };
        }

        CodeableConcept client() {
            return new CodeableConcept(new Coding(DCM, clientRole, switch (clientRole) {
                case "110150" -> "Application";
                case "110152" -> "Destination Role ID";
                default -> "Source Role ID";
            }));
        }

        CodeableConcept server() {
            if (serverRole == null) {
                return new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "custodian", "Custodian"));
            }
            return new CodeableConcept(new Coding(DCM, serverRole,
                    "110152".equals(serverRole) ? "Destination Role ID" : "Source Role ID"));
        }
    }
}
