package fr.contact.eds.ingestion.fhir;

import static fr.contact.eds.ingestion.fhir.FhirSystems.CONTACT_EVENT;
import static fr.contact.eds.ingestion.fhir.FhirSystems.DIAGNOSIS_SYSTEMS;

import fr.contact.eds.ingestion.api.CallReceivedEvent;
import fr.contact.eds.ingestion.api.Code;
import fr.contact.eds.ingestion.api.DiagnosisRecordedEvent;
import fr.contact.eds.ingestion.api.Disposition;
import fr.contact.eds.ingestion.api.EncounterClass;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.api.GpHandOffRecordedEvent;
import fr.contact.eds.ingestion.api.LaboratoryResultRecordedEvent;
import fr.contact.eds.ingestion.api.OutcomeRecordedEvent;
import fr.contact.eds.ingestion.api.PractitionerDispatchedEvent;
import fr.contact.eds.ingestion.api.PrescriptionRecordedEvent;
import fr.contact.eds.ingestion.api.VitalSignRecordedEvent;
import fr.contact.eds.pseudonymisation.Generalised;
import fr.contact.eds.pseudonymisation.InvalidIdentityException;
import fr.contact.eds.pseudonymisation.PatientIdentity;
import fr.contact.eds.pseudonymisation.Pseudonymiser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * Turns a parsed FHIR R4 bundle from an association into care-episode events: one episode per Encounter, and
 * one per call that ended with advice (a call Communication with its patient and no encounter); the patient by
 * pseudonym and generalised traits, every other resource attached to its encounter.
 * Resource types intake does not use are counted and ignored. Any problem becomes an issue naming the
 * faulty element; a bundle with issues must be rejected whole. Not thread-safe: one mapper per bundle.
 */
public final class BundleMapper {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final Pseudonymiser pseudonymiser;
    private final String associationId;
    private final List<String> territory;
    private final List<IntakeIssue> issues = new ArrayList<>();
    private final Map<Resource, Integer> entryIndex = new IdentityHashMap<>();
    private final Map<String, Resource> byReference = new HashMap<>();
    private final Practitioners practitioners;
    private final Set<Resource> outsideCare = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Resource> medicationsUsed = Collections.newSetFromMap(new IdentityHashMap<>());
    private String[] notes = new String[0];

    /**
     * Episodes come out without the key their patient's personal data will be encrypted under
     * ({@code EpisodeOpenedEvent.subjectKeyId} null): intake assigns it once the consent gate has kept the episode, so
     * that no key, nor the pseudonym it is filed under, is ever made for a patient who opposes.
     */
    public BundleMapper(Pseudonymiser pseudonymiser, String associationId) {
        this(pseudonymiser, associationId, List.of());
    }

    /** {@code territory}: the départements the association covers, where its care happens; empty when unknown. */
    public BundleMapper(Pseudonymiser pseudonymiser, String associationId, List<String> territory) {
        this.pseudonymiser = pseudonymiser;
        this.associationId = associationId;
        this.territory = List.copyOf(territory);
        this.practitioners = new Practitioners(pseudonymiser, associationId, byReference, entryIndex, issues);
    }

    public MappedBundle map(Bundle bundle) {
        String type = bundle.getType() == null ? null : bundle.getType().toCode();
        if (!List.of("transaction", "batch", "collection").contains(String.valueOf(type))) {
            issues.add(
                    IntakeIssue.error("value", "Bundle.type", "Bundle.type must be transaction, batch or collection"));
        }
        index(bundle);
        if (!issues.isEmpty()) {
            // The mapping reads references and extensions the index found faulty: nothing more to learn from it.
            return new MappedBundle(type, List.of(), java.util.Collections.nCopies(bundle.getEntry().size(), false),
                    java.util.Collections.nCopies(bundle.getEntry().size(), null), issues);
        }
        Map<Resource, EpisodeBuilder> episodes = new LinkedHashMap<>();
        Boolean[] used = new Boolean[bundle.getEntry().size()];
        notes = new String[bundle.getEntry().size()];
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource resource = bundle.getEntry().get(i).getResource();
            if (resource instanceof Encounter encounter) {
                Optional<String> outside = CareScope.outside(encounter);
                if (outside.isPresent()) {
                    outsideCare.add(encounter);
                    notes[i] = outside.get();
                    used[i] = false;
                    continue;
                }
                mapEncounter(encounter, at(i)).ifPresent(e -> episodes.put(encounter, e));
                used[i] = true;
            } else if (isAdviceCall(resource)) {
                mapAdviceCall((Communication) resource, at(i)).ifPresent(e -> episodes.put(resource, e));
                used[i] = true;
            }
        }
        if (bundle.getEntry().stream().noneMatch(e -> e.getResource() instanceof Patient)) {
            issues.add(IntakeIssue.error("required", "Bundle.entry", "The bundle contains no Patient"));
        }
        if (bundle.getEntry().stream().noneMatch(e -> e.getResource() instanceof Encounter
                || isAdviceCall(e.getResource()))) {
            issues.add(IntakeIssue.error("required", "Bundle.entry",
                    "The bundle contains no Encounter, nor a call Communication with a subject and no encounter"));
        }
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource resource = bundle.getEntry().get(i).getResource();
            if (resource instanceof Encounter || isAdviceCall(resource)) {
                continue;
            }
            if (outsideCare.contains(byReference.get(encounterReferenceOf(resource)))) {
                used[i] = false;
                notes[i] = CareScope.belongsOutside();
                continue;
            }
            used[i] = resource instanceof Patient || resource instanceof Practitioner
                    || resource instanceof PractitionerRole
                    || resource != null && attach(resource, at(i), episodes);
        }
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            if (bundle.getEntry().get(i).getResource() instanceof Medication medication) {
                used[i] = medicationsUsed.contains(medication);
            }
        }
        List<MappedEpisode> mapped = episodes.values().stream().map(EpisodeBuilder::build).toList();
        return new MappedBundle(type, issues.isEmpty() ? mapped : List.of(), List.of(used), Arrays.asList(notes),
                issues);
    }

    private void index(Bundle bundle) {
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            Resource resource = entry.getResource();
            if (resource == null) {
                issues.add(IntakeIssue.error("required", at(i), "Bundle entry without resource"));
                continue;
            }
            if (entry.hasFullUrl()) {
                byReference.put(entry.getFullUrl(), resource);
            }
            if (resource.getIdElement().hasIdPart()) {
                byReference.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
            }
            entryIndex.put(resource, i);
            ExtensionChecks.onceEach(resource, at(i), issues);
        }
    }

    /** The association's own identifier of a resource: its first identifier, else its id in the bundle. */
    static String ownIdentifier(Identifier first, Resource resource) {
        return first.hasValue() ? first.getValue() : resource.getIdElement().getIdPart();
    }

    private static String at(int entry) {
        return "Bundle.entry[" + entry + "].resource";
    }

    /** The encounter a resource of an encounter names, if any. */
    private static String encounterReferenceOf(Resource resource) {
        Reference encounter = null;
        if (resource instanceof Condition condition) {
            encounter = condition.getEncounter();
        } else if (resource instanceof Observation observation) {
            encounter = observation.getEncounter();
        } else if (resource instanceof MedicationRequest request) {
            encounter = request.getEncounter();
        } else if (resource instanceof Communication communication) {
            encounter = communication.getEncounter();
        } else if (resource instanceof Task task) {
            encounter = task.getEncounter();
        }
        return encounter == null ? null : encounter.getReference();
    }

    private <T extends Resource> Optional<T> resolve(Reference reference, Class<T> type, String expression) {
        if (reference == null || !reference.hasReference()) {
            issues.add(IntakeIssue.error("required", expression, "Missing reference to a " + type.getSimpleName()));
            return Optional.empty();
        }
        Resource target = byReference.get(reference.getReference());
        if (!type.isInstance(target)) {
            issues.add(IntakeIssue.error("not-found", expression,
                    "Reference " + reference.getReference() + " is not a " + type.getSimpleName() + " of this bundle"));
            return Optional.empty();
        }
        return Optional.of(type.cast(target));
    }

    // ------------------------------------------------------------------ encounter = episode

    private Optional<EpisodeBuilder> mapEncounter(Encounter encounter, String path) {
        Optional<EncounterClass> encounterClass = encounterClass(encounter, path);
        Instant start = instant(encounter.getPeriod().getStartElement());
        if (start == null) {
            issues.add(IntakeIssue.error("required", path + ".period.start", "Encounter.period.start is required"));
        }
        Optional<Patient> patient = resolve(encounter.getSubject(), Patient.class, path + ".subject");
        if (encounterClass.isEmpty() || start == null || patient.isEmpty()) {
            return Optional.empty();
        }
        String patientPath = at(entryIndex.get(patient.get()));
        Optional<EpisodeBuilder> opened = openEpisode(ownIdentifier(encounter.getIdentifierFirstRep(), encounter),
                patient.get(), patientPath, start, encounter, path);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        EpisodeBuilder episode = opened.get();
        Practitioners.Seen performer = practitioners.performerOf(encounter).orElse(Practitioners.Seen.NONE);
        episode.encounter = new EncounterRecordedEvent(episode.id(), encounterClass.get(), start,
                instant(encounter.getPeriod().getEndElement()),
                extensionInstant(encounter, FhirSystems.EXT_ARRIVAL_TIME),
                performer.pseudonym(), performer.role());
        disposition(encounter, path).ifPresent(d -> episode.outcome = new OutcomeRecordedEvent(episode.id(), d,
                Optional.ofNullable(episode.encounter.endedAt()).orElse(start)));
        return Optional.of(episode);
    }

    /**
     * A call that ended with the regulator's advice, no visit nor consultation: a call Communication that names its
     * patient and no encounter. It is an episode of its own, keyed by the call's identifier.
     */
    private static boolean isAdviceCall(Resource resource) {
        return resource instanceof Communication call && "call".equals(eventKind(call.getCategory()))
                && !call.hasEncounter() && call.hasSubject();
    }

    private Optional<EpisodeBuilder> mapAdviceCall(Communication call, String path) {
        Instant sent = instant(call.getSentElement());
        if (sent == null) {
            issues.add(IntakeIssue.error("required", path + ".sent",
                    "Communication.sent is required on a call without encounter"));
        }
        Optional<Patient> patient = resolve(call.getSubject(), Patient.class, path + ".subject");
        if (sent == null || patient.isEmpty()) {
            return Optional.empty();
        }
        String source = "call|" + ownIdentifier(call.getIdentifierFirstRep(), call);
        Optional<EpisodeBuilder> opened = openEpisode(source, patient.get(), at(entryIndex.get(patient.get())), sent,
                null, path);
        opened.ifPresent(episode -> communication(call, "call", episode));
        return opened;
    }

    private Optional<EncounterClass> encounterClass(Encounter encounter, String path) {
        String code = encounter.getClass_().getCode();
        for (EncounterClass candidate : EncounterClass.values()) {
            if (candidate.fhirCode().equals(code)) {
                return Optional.of(candidate);
            }
        }
        issues.add(IntakeIssue.error("code-invalid", path + ".class",
                "Encounter.class must be HH, AMB, VR or EMER (" + FhirSystems.ENCOUNTER_CLASS + "), got " + code));
        return Optional.empty();
    }

    private Optional<Disposition> disposition(Encounter encounter, String path) {
        CodeableConcept concept = encounter.getHospitalization().getDischargeDisposition();
        Optional<Disposition> disposition = Dispositions.of(concept);
        if (disposition.isEmpty() && concept.hasCoding()) {
            issues.add(IntakeIssue.error("code-invalid", path + ".hospitalization.dischargeDisposition",
                    "Discharge disposition needs a coding from " + Dispositions.understood()));
        }
        return disposition;
    }

    /** {@code source}: the association's own identifier of the episode, made a keyed identifier here. */
    private Optional<EpisodeBuilder> openEpisode(String source, Patient patient, String patientPath, Instant start,
            Encounter encounter, String path) {
        if (!patient.hasBirthDate()) {
            issues.add(IntakeIssue.error("required", patientPath + ".birthDate", "Patient.birthDate is required"));
            return Optional.empty();
        }
        if (!ExtensionChecks.valuesRead(patient, patientPath, issues)) {
            return Optional.empty();
        }
        try {
            PatientIdentity identity = identity(patient);
            var generalised = Generalised.of(patient.getBirthDateElement().getValueAsCalendar().toZonedDateTime()
                    .toLocalDate(), start.atZone(FRANCE).toLocalDate());
            String residence = Places.residence(patient);
            String careDepartement = Places.ofCare(encounter, r -> r == null ? null : byReference.get(r.getReference()),
                    residence, territory, path, issues);
            var pseudonym = pseudonymiser.pseudonymOf(identity);
            String episodeId = pseudonymiser.keyedIdentifier("episode", associationId + "|" + source);
            var opened = new EpisodeOpenedEvent(episodeId, associationId, pseudonym.value(), pseudonym.keyVersion(),
                    null, sex(patient), generalised.ageYears(),
                    generalised.ageBand(), generalised.birthYear(), careDepartement, start, residence);
            return Optional.of(new EpisodeBuilder(opened, knownAs(identity, patient)));
        } catch (InvalidIdentityException e) {
            issues.add(IntakeIssue.error("invalid", patientPath + "." + fhirPath(e.field()), e.getMessage()));
            return Optional.empty();
        }
    }

    private static String fhirPath(String field) {
        return switch (field) {
            case "qualifiedIns" -> "identifier";
            case "familyName" -> "name.family";
            case "givenName" -> "name.given";
            case "commune", "postalCode" -> "address";
            default -> field;
        };
    }

    /**
     * Every pseudonym the patient may have opposed under: their identity under every key version and, when intake
     * knows them by INS, their traits too (an opposition registered by traits, say by post, still applies).
     */
    private List<String> knownAs(PatientIdentity identity, Patient patient) {
        List<String> all = new ArrayList<>(pseudonymiser.everyPseudonymOf(identity));
        if (identity.qualifiedIns().isPresent()) {
            try {
                all.addAll(pseudonymiser.everyPseudonymOf(traits(patient)));
            } catch (InvalidIdentityException e) {
                // Incomplete traits alongside an INS: the INS alone identifies the patient.
            }
        }
        return all;
    }

    private static PatientIdentity identity(Patient patient) {
        for (Identifier identifier : patient.getIdentifier()) {
            if (FhirSystems.INS_NIR.equals(identifier.getSystem()) && identifier.hasValue()) {
                return PatientIdentity.withIns(identifier.getValue());
            }
        }
        return traits(patient);
    }

    private static PatientIdentity traits(Patient patient) {
        HumanName name = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElse(patient.getNameFirstRep());
        String birthPlace = Optional.ofNullable(patient.getExtensionByUrl(FhirSystems.EXT_BIRTH_PLACE_INSEE))
                .map(e -> e.getValue().primitiveValue()).orElse(null);
        return PatientIdentity.withTraits(name.getFamily(), name.getGivenAsSingleString(),
                patient.getBirthDateElement().getValueAsCalendar().toZonedDateTime().toLocalDate(),
                identitySex(patient),
                birthPlace);
    }

    private static PatientIdentity.Sex identitySex(Patient patient) {
        if (patient.getGender() == null) {
            return PatientIdentity.Sex.UNKNOWN;
        }
        return switch (patient.getGender()) {
            case MALE -> PatientIdentity.Sex.MALE;
            case FEMALE -> PatientIdentity.Sex.FEMALE;
            case OTHER -> PatientIdentity.Sex.OTHER;
            default -> PatientIdentity.Sex.UNKNOWN;
        };
    }

    private static String sex(Patient patient) {
        return switch (identitySex(patient)) {
            case MALE -> "M";
            case FEMALE -> "F";
            case OTHER -> "O";
            case UNKNOWN -> "U";
        };
    }

    // ------------------------------------------------------------------ resources of an encounter

    private boolean attach(Resource resource, String path, Map<Resource, EpisodeBuilder> episodes) {
        if (resource instanceof Condition condition) {
            episodeOf(condition.getEncounter(), path, episodes).ifPresent(e -> diagnosis(condition, path, e));
        } else if (resource instanceof Observation observation) {
            String category = ObservationKinds.categoryOf(observation);
            String unused = ObservationKinds.notUsed(observation, category);
            if (unused != null) {
                notes[entryIndex.get(resource)] = unused;
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
        return resolve(encounter, Encounter.class, path + ".encounter").map(episodes::get);
    }

    private static String eventKind(List<CodeableConcept> concepts) {
        return concepts.stream().flatMap(c -> c.getCoding().stream())
                .filter(c -> CONTACT_EVENT.equals(c.getSystem())).map(Coding::getCode)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private void diagnosis(Condition condition, String path, EpisodeBuilder episode) {
        List<Code> codings = codes(condition.getCode());
        if (codings.stream().noneMatch(c -> DIAGNOSIS_SYSTEMS.contains(c.system()))) {
            issues.add(IntakeIssue.error("code-invalid", path + ".code",
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
            issues.add(IntakeIssue.error("required", path + ".valueQuantity.value",
                    "Observation.valueQuantity needs a value"));
            return;
        }
        if (!code.hasCode()) {
            issues.add(IntakeIssue.error("required", path + ".code",
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
            Optional<Medication> named = resolve(request.getMedicationReference(), Medication.class,
                    path + ".medicationReference");
            if (named.isEmpty()) {
                return;
            }
            medicationsUsed.add(named.get());
            medication = codes(named.get().getCode());
        }
        if (medication.isEmpty()) {
            issues.add(IntakeIssue.error("required", path + ".medication",
                    "MedicationRequest needs a medicationCodeableConcept, or a medicationReference to a Medication of "
                            + "the bundle, with at least one coding"));
            return;
        }
        episode.prescriptions.add(new PrescriptionRecordedEvent(episode.id(), sourceId("prescription", request),
                medication, instant(request.getAuthoredOnElement())));
    }

    private void communication(Communication communication, String kind, EpisodeBuilder episode) {
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

    /** Codings with system and code only: displays and texts may carry anything and are dropped. */
    private static List<Code> codes(CodeableConcept concept) {
        return concept.getCoding().stream()
                .filter(c -> c.hasSystem() && c.hasCode())
                .map(c -> new Code(c.getSystem(), c.getCode()))
                .toList();
    }

    private String sourceId(String kind, DomainResource resource) {
        return pseudonymiser.keyedIdentifier(kind, associationId + "|" + resource.getIdElement().getIdPart());
    }

    private static Instant instant(BaseDateTimeType value) {
        return value == null || value.getValue() == null ? null : value.getValue().toInstant();
    }

    private static Instant extensionInstant(DomainResource resource, String url) {
        Extension extension = resource.getExtensionByUrl(url);
        return extension != null && extension.getValue() instanceof BaseDateTimeType dateTime ? instant(dateTime)
                : null;
    }

    private static String extensionCode(DomainResource resource, String url) {
        Extension extension = resource.getExtensionByUrl(url);
        return extension == null || extension.getValue() == null ? null : extension.getValue().primitiveValue();
    }

    /** Collects one episode's events and emits them in business order. */
    private static final class EpisodeBuilder {

        private final EpisodeOpenedEvent opened;
        private CallReceivedEvent call;
        private PractitionerDispatchedEvent dispatch;
        private EncounterRecordedEvent encounter;
        private final List<DiagnosisRecordedEvent> diagnoses = new ArrayList<>();
        private final List<VitalSignRecordedEvent> vitals = new ArrayList<>();
        private final List<LaboratoryResultRecordedEvent> laboratory = new ArrayList<>();
        private final List<PrescriptionRecordedEvent> prescriptions = new ArrayList<>();
        private OutcomeRecordedEvent outcome;
        private GpHandOffRecordedEvent handOff;

        private final List<String> knownAs;

        EpisodeBuilder(EpisodeOpenedEvent opened, List<String> knownAs) {
            this.opened = opened;
            this.knownAs = knownAs;
        }

        String id() {
            return opened.episodeId();
        }

        MappedEpisode build() {
            List<Object> events = new ArrayList<>();
            events.add(opened);
            for (Object single : new Object[]{call, dispatch, encounter}) {
                if (single != null) {
                    events.add(single);
                }
            }
            events.addAll(diagnoses);
            events.addAll(vitals);
            events.addAll(laboratory);
            events.addAll(prescriptions);
            if (outcome != null) {
                events.add(outcome);
            }
            if (handOff != null) {
                events.add(handOff);
            }
            return new MappedEpisode(opened.episodeId(), opened.patientPseudonym(), knownAs, events);
        }
    }
}
