package fr.contact.eds.audit.rest;

import fr.contact.eds.audit.query.AuditEntry;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * An entry as a FHIR R4 AuditEvent following IHE Basic Audit Log Patterns (BALP): the RESTful interaction, the
 * requesting agent with its role and organisation, this system as source, and each patient as an entity by
 * pseudonym.
 */
final class AuditEventFhir {

    static final String BALP = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/";
    private static final String CONTACT = "https://contact-eds.fr/fhir/";

    private AuditEventFhir() {}

    static AuditEvent of(AuditEntry entry) {
        AuditEvent event = new AuditEvent();
        event.setId(entry.accessId());
        event.getMeta().addProfile(BALP + profile(entry));
        event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest",
                "Restful Operation"));
        event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", interaction(entry.action()), null));
        event.setAction(action(entry.action()));
        event.setRecorded(Date.from(entry.occurredAt()));
        boolean success = "SUCCESS".equals(entry.outcome());
        event.setOutcome(success ? AuditEvent.AuditEventOutcome._0 : AuditEvent.AuditEventOutcome._4);
        if (!success) {
            event.setOutcomeDesc("Denied");
        }
        event.addPurposeOfEvent(new CodeableConcept().setText(entry.purpose()));

        AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true);
        agent.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/extra-security-role-type",
                "humanuser", "human user")));
        agent.setWho(new Reference().setIdentifier(new Identifier().setSystem(CONTACT + "actor")
                .setValue(entry.actorSubject())));
        agent.addRole(new CodeableConcept(new Coding(CONTACT + "CodeSystem/role", entry.actorRole(), null)));
        if (entry.organisation() != null) {
            event.addAgent().setRequestor(false)
                    .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-RoleClass",
                            "PROV", "healthcare provider")).setText("organisation"))
                    .setWho(new Reference().setIdentifier(new Identifier().setSystem(CONTACT + "organisation")
                            .setValue(entry.organisation())));
        }

        event.getSource().setSite("CONTACT EDS").setObserver(new Reference().setDisplay("contact-" + entry.service()))
                .addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4",
                        "Application Server"));

        for (String pseudonym : entry.patientPseudonyms()) {
            event.addEntity().setWhat(new Reference().setType("Patient").setIdentifier(
                    new Identifier().setSystem(CONTACT + "patient-pseudonym").setValue(pseudonym)))
                    .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"))
                    .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
        }
        event.addEntity().setWhat(new Reference().setDisplay(entry.resourceKind()))
                .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"));
        if (entry.traceId() != null) {
            event.addEntity().setWhat(new Reference().setIdentifier(new Identifier().setValue(entry.traceId())))
                    .setType(new Coding("https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType",
                            "XrequestId", "Request Id"));
        }
        return event;
    }

    private static String profile(AuditEntry entry) {
        return switch (entry.action()) {
            case "READ" -> "IHE.BasicAudit.PatientRead";
            case "CREATE" -> "IHE.BasicAudit.PatientCreate";
            case "UPDATE" -> "IHE.BasicAudit.PatientUpdate";
            case "ERASE" -> "IHE.BasicAudit.PatientDelete";
            default -> "IHE.BasicAudit.PatientQuery";
        };
    }

    private static String interaction(String action) {
        return switch (action) {
            case "READ" -> "read";
            case "CREATE" -> "create";
            case "UPDATE" -> "update";
            case "ERASE" -> "delete";
            default -> "search-type";
        };
    }

    private static AuditEvent.AuditEventAction action(String action) {
        return switch (action) {
            case "READ" -> AuditEvent.AuditEventAction.R;
            case "CREATE" -> AuditEvent.AuditEventAction.C;
            case "UPDATE" -> AuditEvent.AuditEventAction.U;
            case "ERASE" -> AuditEvent.AuditEventAction.D;
            default -> AuditEvent.AuditEventAction.E;
        };
    }
}
