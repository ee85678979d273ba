package fr.contact.eds.catalog.warehouse;

import static fr.contact.eds.platform.axon.EventValues.present;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fr.contact.eds.consent.api.OppositionRegisteredEvent;
import fr.contact.eds.consent.api.OppositionWithdrawnEvent;
import fr.contact.eds.consent.api.ProjectOppositionRegisteredEvent;
import fr.contact.eds.consent.api.ProjectOppositionWithdrawnEvent;
import fr.contact.eds.ingestion.api.CallReceivedEvent;
import fr.contact.eds.ingestion.api.Code;
import fr.contact.eds.ingestion.api.DiagnosisRecordedEvent;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.api.LaboratoryResultRecordedEvent;
import fr.contact.eds.ingestion.api.OutcomeRecordedEvent;
import fr.contact.eds.ingestion.api.PrescriptionRecordedEvent;
import fr.contact.eds.ingestion.api.VitalSignRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.api.PersonalDataErasedEvent;
import fr.contact.eds.platform.crypto.ErasedCopies;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The catalog's own copy of care data for research, one document per episode, and who opposes. Every update sets
 * fields by path, keyed by the ids the events carry, so the result is the same whatever the order of arrival and
 * however often an event is delivered. Opposition is applied at read time: an extract joins against it as of its
 * request position. {@link CareEpisodes} reads what this writes.
 */
@ProcessingGroup(ResearchProjection.PROCESSOR)
public class ResearchProjection {

    public static final String PROCESSOR = "catalog-research";
    public static final String EPISODES = "careEpisodes";
    static final String OPPOSITIONS = "oppositions";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    /** The opening is copied under its own names, so an erased patient's copy loses exactly its personal fields. */
    private static final Bson ERASURE = ErasedCopies.update(EpisodeOpenedEvent.class);

    private final MongoCollection<Document> episodes;
    private final MongoCollection<Document> oppositions;

    public ResearchProjection(MongoDatabase database) {
        this.episodes = database.getCollection(EPISODES);
        this.oppositions = database.getCollection(OPPOSITIONS);
        episodes.createIndex(Indexes.ascending(CareEpisodes.OPENED_AT));
        episodes.createIndex(Indexes.ascending("subjectKeyId"));
    }

    @EventHandler
    public void on(EpisodeOpenedEvent e) {
        set(e.episodeId(), Updates.combine(Updates.set("associationId", e.associationId()),
                Updates.set(CareEpisodes.PATIENT, PatientPseudonym.valueOf(e.patientPseudonym())),
                Updates.set("subjectKeyId", e.subjectKeyId()),
                Updates.set("sex", e.sex()), Updates.set("birthYear", e.birthYear()),
                Updates.set(CareEpisodes.AGE_BAND, e.ageBand()), Updates.set(CareEpisodes.DEPARTEMENT, e.departement()),
                Updates.set(CareEpisodes.OPENED_AT, date(e.openedAt()))));
    }

    @EventHandler
    public void on(CallReceivedEvent e) {
        set(e.episodeId(), Updates.combine(Updates.set("call.receivedAt", date(e.receivedAt())),
                Updates.set("call.reasons", codes(e.reasons())), Updates.set("call.triagePriority",
                        e.triagePriority())));
    }

    @EventHandler
    public void on(EncounterRecordedEvent e) {
        set(e.episodeId(),
                Updates.combine(
                        Updates.set(CareEpisodes.ENCOUNTER_CLASS,
                                e.encounterClass() == null ? null : e.encounterClass().name()),
                        Updates.set("encounter.startedAt", date(e.startedAt())),
                        Updates.set("encounter.endedAt", date(e.endedAt()))));
    }

    @EventHandler
    public void on(DiagnosisRecordedEvent e) {
        set(e.episodeId(), Updates.set("diagnoses." + key(e.diagnosisId()), codes(e.codings())));
    }

    @EventHandler
    public void on(PrescriptionRecordedEvent e) {
        set(e.episodeId(), Updates.set("prescriptions." + key(e.prescriptionId()),
                new Document("codes", codes(e.medication())).append("at", date(e.authoredAt()))));
    }

    @EventHandler
    public void on(VitalSignRecordedEvent e) {
        set(e.episodeId(), Updates.set("vitals." + key(e.observationId()),
                measurement(e.code(), e.value(), e.unit(), e.effectiveAt())));
    }

    @EventHandler
    public void on(LaboratoryResultRecordedEvent e) {
        set(e.episodeId(), Updates.set("laboratory." + key(e.observationId()),
                measurement(e.code(), e.value(), e.unit(), e.effectiveAt())));
    }

    /** A vital sign or a laboratory result, as the extract writes either into MEASUREMENT. */
    private static Document measurement(Code code, BigDecimal value, String unit, Instant at) {
        return new Document("system", code == null ? null : code.system())
                .append("code", code == null ? null : code.code())
                .append("value", value == null ? null : value.toPlainString()).append("unit", unit)
                .append("at", date(at));
    }

    @EventHandler
    public void on(OutcomeRecordedEvent e) {
        set(e.episodeId(),
                Updates.combine(
                        Updates.set("outcome.disposition", e.disposition() == null ? null : e.disposition().name()),
                        Updates.set("outcome.at", date(e.recordedAt()))));
    }

    @EventHandler
    public void on(OppositionRegisteredEvent e) {
        PatientPseudonym.values(e.pseudonyms())
                .forEach(p -> oppositions.updateOne(Filters.eq("_id", p), Updates.set("global", true),
                        UPSERT));
    }

    @EventHandler
    public void on(OppositionWithdrawnEvent e) {
        oppositions.updateMany(Filters.in("_id", PatientPseudonym.values(e.pseudonyms())),
                Updates.set("global", false));
    }

    @EventHandler
    public void on(ProjectOppositionRegisteredEvent e) {
        if (e.projectId() == null) {
            return;
        }
        PatientPseudonym.values(e.pseudonyms())
                .forEach(p -> oppositions.updateOne(Filters.eq("_id", p), Updates.addToSet("projects",
                        e.projectId()), UPSERT));
    }

    @EventHandler
    public void on(ProjectOppositionWithdrawnEvent e) {
        oppositions.updateMany(Filters.in("_id", PatientPseudonym.values(e.pseudonyms())),
                Updates.pull("projects", e.projectId()));
    }

    /** Crypto-shredding made the patient unknown: the episode stays for counts, no longer tied to anyone. */
    @EventHandler
    public void on(PersonalDataErasedEvent e) {
        episodes.updateMany(Filters.in("subjectKeyId", present(e.subjectKeyIds())), ERASURE);
    }

    private void set(EpisodeId episodeId, Bson update) {
        if (episodeId == null) {
            return; // belongs to no episode: nothing to extract, and nothing to hold the others back for
        }
        episodes.updateOne(Filters.eq("_id", episodeId.value()), update, UPSERT);
    }

    private static List<Document> codes(List<Code> codes) {
        return present(codes).stream().map(c -> new Document("system", c.system()).append("code", c.code()))
                .toList();
    }

    /** Ids become field names: keep them free of MongoDB's path separators. */
    private static String key(String id) {
        return id == null || id.isEmpty() ? "_" : id.replace('.', '_').replace('$', '_');
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }
}
