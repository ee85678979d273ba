package fr.contact.eds.ingestion.fhir;

import static fr.contact.eds.ingestion.fhir.FhirValues.eventKind;
import static fr.contact.eds.ingestion.fhir.FhirValues.extensionInstant;
import static fr.contact.eds.ingestion.fhir.FhirValues.instant;

import fr.contact.eds.ingestion.api.Disposition;
import fr.contact.eds.ingestion.api.EncounterClass;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.api.OutcomeRecordedEvent;
import fr.contact.eds.pseudonymisation.Generalised;
import fr.contact.eds.pseudonymisation.InvalidIdentityException;
import fr.contact.eds.pseudonymisation.PatientIdentity;
import fr.contact.eds.pseudonymisation.Pseudonymiser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
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
    private final BundleIndex index = new BundleIndex();
    private final Practitioners practitioners;
    private final CareRecords records;
    private final Set<Resource> outsideCare = Collections.newSetFromMap(new IdentityHashMap<>());

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
        this.practitioners = new Practitioners(pseudonymiser, associationId, index);
        this.records = new CareRecords(pseudonymiser, associationId, index, practitioners);
    }

    public MappedBundle map(Bundle bundle) {
        String type = bundle.getType() == null ? null : bundle.getType().toCode();
        if (!List.of("transaction", "batch", "collection").contains(String.valueOf(type))) {
            index.issue(
                    IntakeIssue.error("value", "Bundle.type", "Bundle.type must be transaction, batch or collection"));
        }
        index.add(bundle);
        List<IntakeIssue> issues = index.issues();
        if (!issues.isEmpty()) {
            // The mapping reads references and extensions the index found faulty: nothing more to learn from it.
            return new MappedBundle(type, List.of(), java.util.Collections.nCopies(bundle.getEntry().size(), false),
                    java.util.Collections.nCopies(bundle.getEntry().size(), null), issues);
        }
        Map<Resource, EpisodeBuilder> episodes = new LinkedHashMap<>();
        Boolean[] used = new Boolean[bundle.getEntry().size()];
        String[] notes = new String[bundle.getEntry().size()];
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
                mapEncounter(encounter, BundleIndex.at(i)).ifPresent(e -> episodes.put(encounter, e));
                used[i] = true;
            } else if (isAdviceCall(resource)) {
                mapAdviceCall((Communication) resource, BundleIndex.at(i)).ifPresent(e -> episodes.put(resource, e));
                used[i] = true;
            }
        }
        if (bundle.getEntry().stream().noneMatch(e -> e.getResource() instanceof Patient)) {
            index.issue(IntakeIssue.error("required", "Bundle.entry", "The bundle contains no Patient"));
        }
        if (bundle.getEntry().stream().noneMatch(e -> e.getResource() instanceof Encounter
                || isAdviceCall(e.getResource()))) {
            index.issue(IntakeIssue.error("required", "Bundle.entry",
                    "The bundle contains no Encounter, nor a call Communication with a subject and no encounter"));
        }
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource resource = bundle.getEntry().get(i).getResource();
            if (resource instanceof Encounter || isAdviceCall(resource)) {
                continue;
            }
            if (outsideCare.contains(index.named(encounterReferenceOf(resource)))) {
                used[i] = false;
                notes[i] = CareScope.belongsOutside();
                continue;
            }
            used[i] = resource instanceof Patient || resource instanceof Practitioner
                    || resource instanceof PractitionerRole
                    || resource != null && records.attach(resource, BundleIndex.at(i), episodes, notes);
        }
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            if (bundle.getEntry().get(i).getResource() instanceof Medication medication) {
                used[i] = records.used(medication);
            }
        }
        List<MappedEpisode> mapped = episodes.values().stream().map(EpisodeBuilder::build).toList();
        return new MappedBundle(type, issues.isEmpty() ? mapped : List.of(), List.of(used), Arrays.asList(notes),
                issues);
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

    // ------------------------------------------------------------------ encounter = episode

    private Optional<EpisodeBuilder> mapEncounter(Encounter encounter, String path) {
        Optional<EncounterClass> encounterClass = encounterClass(encounter, path);
        Instant start = instant(encounter.getPeriod().getStartElement());
        if (start == null) {
            index.issue(IntakeIssue.error("required", path + ".period.start", "Encounter.period.start is required"));
        }
        Optional<Patient> patient = index.resolve(encounter.getSubject(), Patient.class, path + ".subject");
        if (encounterClass.isEmpty() || start == null || patient.isEmpty()) {
            return Optional.empty();
        }
        String patientPath = index.pathOf(patient.get());
        Optional<EpisodeBuilder> opened = openEpisode(
                BundleIndex.ownIdentifier(encounter.getIdentifierFirstRep(), encounter),
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
            index.issue(IntakeIssue.error("required", path + ".sent",
                    "Communication.sent is required on a call without encounter"));
        }
        Optional<Patient> patient = index.resolve(call.getSubject(), Patient.class, path + ".subject");
        if (sent == null || patient.isEmpty()) {
            return Optional.empty();
        }
        String source = "call|" + BundleIndex.ownIdentifier(call.getIdentifierFirstRep(), call);
        Optional<EpisodeBuilder> opened = openEpisode(source, patient.get(), index.pathOf(patient.get()), sent,
                null, path);
        opened.ifPresent(episode -> records.communication(call, "call", episode));
        return opened;
    }

    private Optional<EncounterClass> encounterClass(Encounter encounter, String path) {
        String code = encounter.getClass_().getCode();
        for (EncounterClass candidate : EncounterClass.values()) {
            if (candidate.fhirCode().equals(code)) {
                return Optional.of(candidate);
            }
        }
        index.issue(IntakeIssue.error("code-invalid", path + ".class",
                "Encounter.class must be HH, AMB, VR or EMER (" + FhirSystems.ENCOUNTER_CLASS + "), got " + code));
        return Optional.empty();
    }

    private Optional<Disposition> disposition(Encounter encounter, String path) {
        CodeableConcept concept = encounter.getHospitalization().getDischargeDisposition();
        Optional<Disposition> disposition = Dispositions.of(concept);
        if (disposition.isEmpty() && concept.hasCoding()) {
            index.issue(IntakeIssue.error("code-invalid", path + ".hospitalization.dischargeDisposition",
                    "Discharge disposition needs a coding from " + Dispositions.understood()));
        }
        return disposition;
    }

    /** {@code source}: the association's own identifier of the episode, made a keyed identifier here. */
    private Optional<EpisodeBuilder> openEpisode(String source, Patient patient, String patientPath, Instant start,
            Encounter encounter, String path) {
        if (!patient.hasBirthDate()) {
            index.issue(IntakeIssue.error("required", patientPath + ".birthDate", "Patient.birthDate is required"));
            return Optional.empty();
        }
        if (!ExtensionChecks.valuesRead(patient, patientPath, index.issues())) {
            return Optional.empty();
        }
        try {
            PatientIdentity identity = PatientIdentities.identity(patient);
            var generalised = Generalised.of(patient.getBirthDateElement().getValueAsCalendar().toZonedDateTime()
                    .toLocalDate(), start.atZone(FRANCE).toLocalDate());
            String residence = Places.residence(patient);
            String careDepartement = Places.ofCare(encounter, r -> r == null ? null : index.named(r.getReference()),
                    residence, territory, path, index.issues());
            var pseudonym = pseudonymiser.pseudonymOf(identity);
            var episodeId = new EpisodeId(pseudonymiser.keyedIdentifier("episode", associationId + "|" + source));
            var opened = new EpisodeOpenedEvent(episodeId, associationId, pseudonym, pseudonym.keyVersion(),
                    null, PatientIdentities.sex(patient), generalised.ageYears(),
                    generalised.ageBand(), generalised.birthYear(), careDepartement, start, residence);
            return Optional.of(new EpisodeBuilder(opened, PatientIdentities.knownAs(pseudonymiser, identity, patient)));
        } catch (InvalidIdentityException e) {
            index.issue(IntakeIssue.error("invalid", patientPath + "." + PatientIdentities.fhirPath(e.field()),
                    e.getMessage()));
            return Optional.empty();
        }
    }

}
