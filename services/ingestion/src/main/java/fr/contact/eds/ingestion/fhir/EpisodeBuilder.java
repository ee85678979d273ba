package fr.contact.eds.ingestion.fhir;

import fr.contact.eds.ingestion.api.CallReceivedEvent;
import fr.contact.eds.ingestion.api.DiagnosisRecordedEvent;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.api.GpHandOffRecordedEvent;
import fr.contact.eds.ingestion.api.LaboratoryResultRecordedEvent;
import fr.contact.eds.ingestion.api.OutcomeRecordedEvent;
import fr.contact.eds.ingestion.api.PractitionerDispatchedEvent;
import fr.contact.eds.ingestion.api.PrescriptionRecordedEvent;
import fr.contact.eds.ingestion.api.VitalSignRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import java.util.ArrayList;
import java.util.List;

/** Collects one episode's events and emits them in business order. */
final class EpisodeBuilder {

    private final EpisodeOpenedEvent opened;
    CallReceivedEvent call;
    PractitionerDispatchedEvent dispatch;
    EncounterRecordedEvent encounter;
    final List<DiagnosisRecordedEvent> diagnoses = new ArrayList<>();
    final List<VitalSignRecordedEvent> vitals = new ArrayList<>();
    final List<LaboratoryResultRecordedEvent> laboratory = new ArrayList<>();
    final List<PrescriptionRecordedEvent> prescriptions = new ArrayList<>();
    OutcomeRecordedEvent outcome;
    GpHandOffRecordedEvent handOff;

    private final List<PatientPseudonym> knownAs;

    EpisodeBuilder(EpisodeOpenedEvent opened, List<PatientPseudonym> knownAs) {
        this.opened = opened;
        this.knownAs = knownAs;
    }

    EpisodeId id() {
        return opened.episodeId();
    }

    MappedEpisode build() {
        List<EpisodeEvent> events = new ArrayList<>();
        events.add(opened);
        for (EpisodeEvent single : new EpisodeEvent[]{call, dispatch, encounter}) {
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
