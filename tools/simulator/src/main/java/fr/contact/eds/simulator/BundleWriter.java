package fr.contact.eds.simulator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.math.BigDecimal;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * Writes a synthetic episode as the transaction bundle an association's software would send, using the
 * CONTACT conventions documented in the ingestion service README.
 */
public final class BundleWriter {

    private static final String CONTACT = "https://contact-eds.fr/fhir/";
    private static final String SOS_EVENT = CONTACT + "CodeSystem/sos-event";
    private static final String ICPC2 = "http://hl7.org/fhir/sid/icpc-2";
    private static final String RPPS = "urn:oid:1.2.250.1.71.4.2.1";

    private final IParser parser;

    public BundleWriter(FhirContext fhir) {
        this.parser = fhir.newJsonParser();
    }

    public String json(SyntheticEpisode episode) {
        return parser.encodeResourceToString(bundle(episode));
    }

    public Bundle bundle(SyntheticEpisode e) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.getIdentifier().setSystem("https://" + e.associationId() + ".example/bundles")
                .setValue(e.episodeNumber());
        String patientUrl = add(bundle, patient(e));
        if (e.adviceOnly()) {
            Communication call = call(e, "advice").setSubject(new Reference(patientUrl));
            call.addIdentifier().setSystem("https://" + e.associationId() + ".example/calls")
                    .setValue(e.episodeNumber());
            add(bundle, call);
            return bundle;
        }
        String practitionerUrl = add(bundle, new Practitioner().addIdentifier(
                new org.hl7.fhir.r4.model.Identifier().setSystem(RPPS).setValue(e.practitioner().rpps())));
        String roleUrl = add(bundle, practitionerRole(e, practitionerUrl));
        Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
                .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", e.encounterClass(), null))
                .setSubject(new Reference(patientUrl));
        encounter.addParticipant().setIndividual(new Reference(roleUrl)).addType(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "PPRF", null)));
        encounter.addIdentifier().setSystem("https://" + e.associationId() + ".example/episodes")
                .setValue(e.episodeNumber());
        encounter.getPeriod().setStart(Date.from(e.startAt())).setEnd(Date.from(e.endAt()));
        if ("HH".equals(e.encounterClass())) {
            encounter.addExtension(CONTACT + "StructureDefinition/arrival-time",
                    new DateTimeType(Date.from(e.startAt())));
        }
        encounter.getHospitalization().setDischargeDisposition(disposition(e.disposition()));
        String encounterUrl = add(bundle, encounter);
        Reference atEncounter = new Reference(encounterUrl);

        add(bundle, call(e, switch (e.encounterClass()) {
            case "HH" -> "home-visit";
            case "AMB" -> "consultation";
            default -> "teleconsultation";
        }).setEncounter(atEncounter));
        if (e.dispatchAt() != null) {
            Task dispatch = new Task().setStatus(Task.TaskStatus.COMPLETED).setIntent(Task.TaskIntent.ORDER)
                    .setCode(new CodeableConcept(new Coding(SOS_EVENT, "dispatch", null))).setEncounter(atEncounter)
                    .setAuthoredOn(Date.from(e.dispatchAt())).setOwner(new Reference(roleUrl));
            add(bundle, dispatch);
        }
        Condition condition = new Condition().setSubject(new Reference(patientUrl)).setEncounter(atEncounter);
        condition.getCode().addCoding(new Coding(ICPC2, e.diagnosisIcpc2(), null))
                .addCoding(new Coding("http://hl7.org/fhir/sid/icd-10", e.diagnosisIcd10(), null));
        add(bundle, condition);
        Observation temperature = new Observation().setStatus(Observation.ObservationStatus.FINAL)
                .setCode(new CodeableConcept(new Coding("http://loinc.org", "8310-5", null)))
                .setSubject(new Reference(patientUrl)).setEncounter(atEncounter)
                .setEffective(new DateTimeType(Date.from(e.startAt())))
                .setValue(new Quantity().setValue(BigDecimal.valueOf(e.temperatureCelsius()))
                        .setSystem("http://unitsofmeasure.org").setCode("Cel").setUnit("°C"));
        add(bundle, temperature);
        MedicationRequest prescription = new MedicationRequest()
                .setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER)
                .setMedication(new CodeableConcept(new Coding("http://www.whocc.no/atc", e.medicationAtc(), null)))
                .setSubject(new Reference(patientUrl)).setEncounter(atEncounter).setAuthoredOn(Date.from(e.endAt()));
        add(bundle, prescription);
        if (e.gpHandOff()) {
            Communication handOff = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED)
                    .setEncounter(atEncounter).setSentElement(new DateTimeType(Date.from(e.endAt().plusSeconds(600))));
            handOff.addCategory(new CodeableConcept(new Coding(SOS_EVENT, "gp-handoff", null)));
            add(bundle, handOff);
        }
        return bundle;
    }

    /** The call and its regulation; {@code decision} is a code of the documented regulation-decision list. */
    private static Communication call(SyntheticEpisode e, String decision) {
        Communication call = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED)
                .setSentElement(new DateTimeType(Date.from(e.callAt())));
        call.addCategory(new CodeableConcept(new Coding(SOS_EVENT, "call", null)));
        call.addReasonCode(new CodeableConcept(new Coding(ICPC2, e.reasonIcpc2(), null)));
        call.addExtension(CONTACT + "StructureDefinition/triage-priority", new CodeType(e.triagePriority()));
        call.addExtension(CONTACT + "StructureDefinition/regulation-decision", new CodeType(decision));
        return call;
    }

    private static PractitionerRole practitionerRole(SyntheticEpisode e, String practitionerUrl) {
        PractitionerRole role = new PractitionerRole().setPractitioner(new Reference(practitionerUrl));
        role.addCode(new CodeableConcept(new Coding(CONTACT + "CodeSystem/practitioner-role",
                e.practitioner().role(), null)));
        return role;
    }

    private static Patient patient(SyntheticEpisode e) {
        Patient patient = new Patient().setBirthDate(java.sql.Date.valueOf(e.patient().birthDate()))
                .setGender(AdministrativeGender.fromCode(e.patient().gender()));
        if (!e.patient().ins().isEmpty()) {
            patient.addIdentifier().setSystem("urn:oid:1.2.250.1.213.1.4.8").setValue(e.patient().ins());
        }
        patient.addName().setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL).setFamily(e.patient().family())
                .addGiven(e.patient().given());
        patient.addAddress().setPostalCode(e.postalCode());
        return patient;
    }

    private static CodeableConcept disposition(String disposition) {
        String hl7 = "http://terminology.hl7.org/CodeSystem/discharge-disposition";
        return new CodeableConcept(switch (disposition) {
            case "emergency-department" -> new Coding(CONTACT + "CodeSystem/disposition", "emergency-department", null);
            case "hospitalisation" -> new Coding(hl7, "hosp", null);
            case "death" -> new Coding(hl7, "exp", null);
            case "home" -> new Coding(hl7, "home", null);
            default -> new Coding(hl7, "oth", null);
        });
    }

    private static String add(Bundle bundle, Resource resource) {
        String url = "urn:uuid:"
                + UUID.nameUUIDFromBytes((bundle.getIdentifier().getValue() + "#" + bundle.getEntry().size())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bundle.addEntry().setFullUrl(url).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.POST)
                .setUrl(resource.fhirType());
        return url;
    }
}
