package fr.contact.eds.ingestion.fhir;

import static fr.contact.eds.ingestion.fhir.FhirSystems.DIAGNOSIS_SYSTEMS;
import static fr.contact.eds.ingestion.fhir.FhirValues.codes;
import static fr.contact.eds.ingestion.fhir.FhirValues.eventKind;
import static fr.contact.eds.ingestion.fhir.FhirValues.extensionCode;
import static fr.contact.eds.ingestion.fhir.FhirValues.instant;

import fr.contact.eds.ingestion.api.CallReceivedEvent;
import fr.contact.eds.ingestion.api.Code;
import fr.contact.eds.ingestion.api.DiagnosisRecordedEvent;
import fr.contact.eds.ingestion.api.GpHandOffRecordedEvent;
import fr.contact.eds.ingestion.api.LaboratoryResultRecordedEvent;
import fr.contact.eds.ingestion.api.PractitionerDispatchedEvent;
import fr.contact.eds.ingestion.api.PrescriptionRecordedEvent;
import fr.contact.eds.ingestion.api.VitalSignRecordedEvent;
import fr.contact.eds.pseudonymisation.Pseudonymiser;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * What an encounter's resources record in its episode: diagnoses, vital signs and laboratory results, prescriptions,
 * the call and the hand-off to the GP, the dispatch. Each resource is keyed by the association's own identifier.
 */
final class CareRecords {

    private final Pseudonymiser pseudonymiser;
    private final String associationId;
    private final BundleIndex index;
    private final Practitioners practitioners;
    private final Set<Resource> medicationsUsed = Collections.newSetFromMap(new IdentityHashMap<>());

    CareRecords(Pseudonymiser pseudonymiser, String associationId, BundleIndex index, Practitioners practitioners) {
        this.pseudonymiser = pseudonymiser;
        this.associationId = associationId;
        this.index = index;
        this.practitioners = practitioners;
    }

    /** Whether a prescription of the bundle named this Medication. */
    boolean used(Medication medication) {
        return medicationsUsed.contains(medication);
    }

    /**
     * Attaches a resource to the episode of the encounter it names; false when intake does not use it ({@code notes}
     * then says why, for the answer's entry).
     */
    boolean attach(Resource resource, String path, Map<Resource, EpisodeBuilder> episodes, String[] notes) {
        if (resource instanceof Condition condition) {
            episodeOf(condition.getEncounter(), path, episodes).ifPresent(e -> diagnosis(condition, path, e));
        } else if (resource instanceof Observation observation) {
            String category = ObservationKinds.categoryOf(observation);
            String unused = ObservationKinds.notUsed(observation, category);
            if (unused != null) {
                notes[index.entryOf(resource)] = unused;
                return false;
            }
            episodeOf(observation.getEncounter(), path, episodes)
                    .ifPresent(e -> measure(observation, ObservationKinds.LABORATORY.equals(category), path, e));
        } else if (resource instanceof MedicationRequest request) {
            episodeOf(request.getEncounter(), path, episodes).ifPresent(e -> prescription(request, path, e));
        } else if (resource instanceof Communication communication) {
            String kind = eventKind(communication.getCategory());
            if (!"call".equals(kind) && !"gp-handoff".equals(kind)) {
                return false;
            }
            episodeOf(communication.getEncounter(), path, episodes)
                    .ifPresent(e -> communication(communication, kind, e));
        } else if (resource instanceof Task task) {
            if (!"dispatch".equals(eventKind(List.of(task.getCode())))) {
                return false;
            }
            episodeOf(task.getEncounter(), path, episodes).ifPresent(e -> dispatch(task, path, e));
        } else {
            return false;
        }
        return true;
    }

    private Optional<EpisodeBuilder> episodeOf(Reference encounter, String path,
            Map<Resource, EpisodeBuilder> episodes) {
        return index.resolve(encounter, Encounter.class, path + ".encounter").map(episodes::get);
    }

    private void diagnosis(Condition condition, String path, EpisodeBuilder episode) {
        List<Code> codings = codes(condition.getCode());
        if (codings.stream().noneMatch(c -> DIAGNOSIS_SYSTEMS.contains(c.system()))) {
            index.issue(IntakeIssue.error("code-invalid", path + ".code",
                    "Condition.code needs an ICPC-2, ICD-10 or SNOMED CT coding (" + String.join(", ",
                            new java.util.TreeSet<>(DIAGNOSIS_SYSTEMS)) + ")"));
            return;
        }
        episode.diagnoses.add(new DiagnosisRecordedEvent(episode.id(), sourceId("condition", condition), codings));
    }

    private void measure(Observation observation, boolean laboratory, String path, EpisodeBuilder episode) {
        Coding code = observation.getCode().getCoding().stream().filter(c -> FhirSystems.LOINC.equals(c.getSystem()))
                .findFirst().orElse(observation.getCode().getCodingFirstRep());
        var quantity = observation.getValueQuantity();
        // Taken in means processable everywhere: a measure without a number or a code would reach every read model.
        if (quantity.getValue() == null) {
            index.issue(IntakeIssue.error("required", path + ".valueQuantity.value",
                    "Observation.valueQuantity needs a value"));
            return;
        }
        if (!code.hasCode()) {
            index.issue(IntakeIssue.error("required", path + ".code",
                    "Observation.code needs a coding with a code (LOINC)"));
            return;
        }
        Instant effective = observation.hasEffectiveDateTimeType() ? instant(observation.getEffectiveDateTimeType())
                : null;
        String observationId = sourceId("observation", observation);
        Code measured = new Code(code.getSystem(), code.getCode());
        String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
        if (laboratory) {
            episode.laboratory.add(new LaboratoryResultRecordedEvent(episode.id(), observationId, measured,
                    quantity.getValue(), unit, effective));
        } else {
            episode.vitals.add(new VitalSignRecordedEvent(episode.id(), observationId, measured, quantity.getValue(),
                    unit, effective));
        }
    }

    private void prescription(MedicationRequest request, String path, EpisodeBuilder episode) {
        List<Code> medication = List.of();
        if (request.hasMedicationCodeableConcept()) {
            medication = codes(request.getMedicationCodeableConcept());
        } else if (request.hasMedicationReference()) {
            Optional<Medication> named = index.resolve(request.getMedicationReference(), Medication.class,
                    path + ".medicationReference");
            if (named.isEmpty()) {
                return;
            }
            medicationsUsed.add(named.get());
            medication = codes(named.get().getCode());
        }
        if (medication.isEmpty()) {
            index.issue(IntakeIssue.error("required", path + ".medication",
                    "MedicationRequest needs a medicationCodeableConcept, or a medicationReference to a Medication of "
                            + "the bundle, with at least one coding"));
            return;
        }
        episode.prescriptions.add(new PrescriptionRecordedEvent(episode.id(), sourceId("prescription", request),
                medication, instant(request.getAuthoredOnElement())));
    }

    void communication(Communication communication, String kind, EpisodeBuilder episode) {
        Instant sent = instant(communication.getSentElement());
        if ("gp-handoff".equals(kind)) {
            episode.handOff = new GpHandOffRecordedEvent(episode.id(), sent);
            return;
        }
        List<Code> reasons = communication.getReasonCode().stream().flatMap(c -> codes(c).stream()).toList();
        episode.call = new CallReceivedEvent(episode.id(), sent, reasons,
                extensionCode(communication, FhirSystems.EXT_TRIAGE_PRIORITY),
                extensionCode(communication, FhirSystems.EXT_REGULATION_DECISION));
    }

    private void dispatch(Task task, String path, EpisodeBuilder episode) {
        Practitioners.Seen owner = task.hasOwner()
                ? practitioners.of(task.getOwner(), path + ".owner").orElse(Practitioners.Seen.NONE)
                : Practitioners.Seen.NONE;
        episode.dispatch = new PractitionerDispatchedEvent(episode.id(), instant(task.getAuthoredOnElement()),
                owner.pseudonym(), owner.role());
    }

    private String sourceId(String kind, DomainResource resource) {
        return pseudonymiser.keyedIdentifier(kind, associationId + "|" + resource.getIdElement().getIdPart());
    }
}
