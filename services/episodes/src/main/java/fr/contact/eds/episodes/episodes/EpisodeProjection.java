package fr.contact.eds.episodes.episodes;

import static fr.contact.eds.episodes.episodes.EpisodeDocument.date;
import static fr.contact.eds.platform.axon.EventValues.present;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import fr.contact.eds.consent.api.OppositionRegisteredEvent;
import fr.contact.eds.consent.api.OppositionWithdrawnEvent;
import fr.contact.eds.consent.api.ProjectOppositionRegisteredEvent;
import fr.contact.eds.consent.api.ProjectOppositionWithdrawnEvent;
import fr.contact.eds.episodes.episodes.EpisodeGenerations.Generation;
import fr.contact.eds.ingestion.api.CallReceivedEvent;
import fr.contact.eds.ingestion.api.Code;
import fr.contact.eds.ingestion.api.DiagnosisRecordedEvent;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.api.GpHandOffRecordedEvent;
import fr.contact.eds.ingestion.api.LaboratoryResultRecordedEvent;
import fr.contact.eds.ingestion.api.OutcomeRecordedEvent;
import fr.contact.eds.ingestion.api.PractitionerDispatchedEvent;
import fr.contact.eds.ingestion.api.PrescriptionRecordedEvent;
import fr.contact.eds.ingestion.api.VitalSignRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.api.PersonalDataErasedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;

/**
 * One document per care episode, from the call to the hand-off. Every handler writes only the fields its event owns
 * ({@code $set} of its own fields or whole sub-document, {@code $addToSet} of whole items), so the document converges
 * to the same state whatever order the events arrive in (history backfill interleaved with live data) and however
 * often they are redelivered. The processor keeps each episode's events in one sequence and each patient's consent
 * decisions in another ({@link EpisodeSequencing}), so an event it cannot handle holds back only its own episode or
 * patient; {@link ConsentMarks} makes the patient's opposition and erasure reach episodes written side by side.
 * One instance per slot ({@link EpisodeGenerations}): each writes only the generation its slot fills.
 */
public class EpisodeProjection {

    /** The projection as operators name it; its generations are filled by the processors of {@link EpisodeSlots}. */
    public static final String PROCESSOR = "episodes";
    static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final ResearchIdentifiers researchIdentifiers;
    private final SlotRouting routing;
    private final EpisodeBatch batch;

    public EpisodeProjection(MongoDatabase database, ResearchIdentifiers researchIdentifiers, String slot) {
        this.researchIdentifiers = researchIdentifiers;
        this.routing = new SlotRouting(new EpisodeGenerations(database), slot);
        this.batch = new EpisodeBatch(researchIdentifiers);
    }

    /** The projection of the first slot, which fills the live generation until a rebuild. */
    EpisodeProjection(MongoDatabase database) {
        this(database, new ResearchIdentifiers(database), EpisodeGenerations.SLOT_A);
    }

    @EventHandler
    void on(EpisodeOpenedEvent event) {
        if (event.episodeId() == null) {
            return;
        }
        for (Generation g : routing.targets()) {
            EpisodeChange change = batch.pending(g, event.episodeId().value());
            change.set(EpisodeDocument.ASSOCIATION, event.associationId())
                    .set(EpisodeDocument.PATIENT, PatientPseudonym.valueOf(event.patientPseudonym()))
                    .set(EpisodeDocument.SUBJECT_KEY, event.subjectKeyId()).set("sex", event.sex())
                    .set("ageYears", event.ageYears()).set(EpisodeDocument.AGE_BAND, event.ageBand())
                    .set("birthYear", event.birthYear()).set(EpisodeDocument.DEPARTEMENT, event.departement())
                    .set("residence", event.residence()).set(EpisodeDocument.OPENED_AT, date(event.openedAt()));
            change.patientPseudonym = PatientPseudonym.valueOf(event.patientPseudonym());
            change.subjectKeyId = event.subjectKeyId();
        }
        batch.writeThroughOutsideUnitsOfWork();
    }

    @EventHandler
    void on(CallReceivedEvent event) {
        change(event.episodeId(), c -> c.set(EpisodeDocument.CALL, EpisodeDocument.call(event)));
    }

    @EventHandler
    void on(PractitionerDispatchedEvent event) {
        change(event.episodeId(), c -> c.set(EpisodeDocument.DISPATCH, EpisodeDocument.dispatch(event)));
    }

    @EventHandler
    void on(EncounterRecordedEvent event) {
        change(event.episodeId(), c -> c.set(EpisodeDocument.ENCOUNTER, EpisodeDocument.encounter(event)));
    }

    @EventHandler
    void on(DiagnosisRecordedEvent event) {
        List<String> icpc2 = present(event.codings()).stream().filter(c -> EpisodeQueries.ICPC2.equals(c.system()))
                .map(Code::code).filter(Objects::nonNull).toList();
        change(event.episodeId(), c -> {
            c.add(EpisodeDocument.DIAGNOSES, EpisodeDocument.diagnosis(event));
            icpc2.forEach(code -> c.add(EpisodeDocument.ICPC2_CODES, code));
        });
    }

    @EventHandler
    void on(VitalSignRecordedEvent event) {
        change(event.episodeId(), c -> c.add(EpisodeDocument.VITAL_SIGNS, EpisodeDocument.measurement(
                event.observationId(), event.code(), event.value(), event.unit(), event.effectiveAt())));
    }

    @EventHandler
    void on(LaboratoryResultRecordedEvent event) {
        change(event.episodeId(), c -> c.add(EpisodeDocument.LABORATORY_RESULTS, EpisodeDocument.measurement(
                event.observationId(), event.code(), event.value(), event.unit(), event.effectiveAt())));
    }

    @EventHandler
    void on(PrescriptionRecordedEvent event) {
        change(event.episodeId(), c -> c.add(EpisodeDocument.PRESCRIPTIONS, EpisodeDocument.prescription(event)));
    }

    @EventHandler
    void on(OutcomeRecordedEvent event) {
        change(event.episodeId(), c -> c.set(EpisodeDocument.OUTCOME, EpisodeDocument.outcome(event)));
    }

    @EventHandler
    void on(GpHandOffRecordedEvent event) {
        change(event.episodeId(), c -> c.set(EpisodeDocument.GP_HAND_OFF_AT, date(event.sentAt())));
    }

    @EventHandler
    void on(OppositionRegisteredEvent event, TrackingToken token) {
        batch.flush();
        for (Generation g : routing.targets()) {
            ConsentMarks.oppose(g, PatientPseudonym.values(event.pseudonyms()), true, position(token));
        }
    }

    @EventHandler
    void on(OppositionWithdrawnEvent event, TrackingToken token) {
        batch.flush();
        for (Generation g : routing.targets()) {
            ConsentMarks.oppose(g, PatientPseudonym.values(event.pseudonyms()), false, position(token));
        }
    }

    /**
     * An opposition to one research project: the patient's episodes stay visible to everyone but that project's
     * permit holders. Remembered per pseudonym for episodes arriving later.
     */
    @EventHandler
    void on(ProjectOppositionRegisteredEvent event, TrackingToken token) {
        batch.flush();
        if (event.projectId() == null) {
            return;
        }
        for (Generation g : routing.targets()) {
            ConsentMarks.opposeProject(g, PatientPseudonym.values(event.pseudonyms()), event.projectId(), true,
                    position(token));
        }
    }

    @EventHandler
    void on(ProjectOppositionWithdrawnEvent event, TrackingToken token) {
        batch.flush();
        if (event.projectId() == null) {
            return;
        }
        for (Generation g : routing.targets()) {
            ConsentMarks.opposeProject(g, PatientPseudonym.values(event.pseudonyms()), event.projectId(), false,
                    position(token));
        }
    }

    /**
     * What a rebuild would read once the keys are gone: the same fields, dropped now, and the project identifiers
     * that led to the patient.
     */
    @EventHandler
    void on(PersonalDataErasedEvent event, TrackingToken token) {
        batch.flush();
        List<String> keys = present(event.subjectKeyIds());
        if (keys.isEmpty()) {
            return;
        }
        List<String> erased = new ArrayList<>();
        for (Generation g : routing.targets()) {
            erased.addAll(ConsentMarks.erase(g, keys, position(token)));
        }
        researchIdentifiers.forget(erased.stream().distinct().toList());
    }

    private void change(EpisodeId episodeId, Consumer<EpisodeChange> change) {
        if (episodeId == null) {
            return; // belongs to no episode: nothing to show, and nothing to hold the others back for
        }
        for (Generation g : routing.targets()) {
            change.accept(batch.pending(g, episodeId.value()));
        }
        batch.writeThroughOutsideUnitsOfWork();
    }

    /** Re-reads which generations exist: before the slot starts. */
    public void refresh() {
        routing.refresh();
    }

    public String slot() {
        return routing.slot();
    }

    public EpisodeGenerations generations() {
        return routing.generations();
    }

    /** Where the event stands in the log: orders a patient's decisions against what episodes already show. */
    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
