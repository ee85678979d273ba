package fr.contact.eds.episodes.episodes;

import static fr.contact.eds.platform.axon.EventValues.present;

import fr.contact.eds.episodes.episodes.Episode.Call;
import fr.contact.eds.episodes.episodes.Episode.CodeView;
import fr.contact.eds.episodes.episodes.Episode.Timings;
import fr.contact.eds.ingestion.api.CallReceivedEvent;
import fr.contact.eds.ingestion.api.Code;
import fr.contact.eds.ingestion.api.DiagnosisRecordedEvent;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.ingestion.api.OutcomeRecordedEvent;
import fr.contact.eds.ingestion.api.PractitionerDispatchedEvent;
import fr.contact.eds.ingestion.api.PrescriptionRecordedEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;

/**
 * The one place that knows the shape of an episode document: the projection writes through it, the queries filter
 * on its names and answers are decoded by it. The opening's fields keep the event's own names ({@code
 * patientPseudonym}, {@code sex}…), so that erasure can drop them by the event's {@code @PersonalData} components.
 */
final class EpisodeDocument {

    static final String EPISODE_ID = "_id";
    static final String ASSOCIATION = "associationId";
    static final String PATIENT = "patientPseudonym";
    static final String SUBJECT_KEY = "subjectKeyId";
    static final String DEPARTEMENT = "departement";
    static final String AGE_BAND = "ageBand";
    static final String OPENED_AT = "openedAt";
    static final String CALL = "call";
    static final String DISPATCH = "dispatch";
    static final String ENCOUNTER = "encounter";
    static final String MODALITY = ENCOUNTER + ".modality";
    static final String OUTCOME = "outcome";
    static final String DISPOSITION = OUTCOME + ".disposition";
    static final String GP_HAND_OFF_AT = "gpHandOffAt";
    static final String ICPC2_CODES = "icpc2Codes";
    static final String DIAGNOSES = "diagnoses";
    static final String VITAL_SIGNS = "vitalSigns";
    static final String LABORATORY_RESULTS = "laboratoryResults";
    static final String PRESCRIPTIONS = "prescriptions";
    /** Set while the patient opposes all reuse: the episode is shown to no one. */
    static final String OPPOSED = "opposed";
    /** On an episode and on a remembered pseudonym: the research projects the patient opposes. */
    static final String OPPOSED_PROJECTS = "opposedProjects";
    /** On an opening written but not yet checked against its patient's consent: not shown. */
    static final String UNCHECKED = "unchecked";

    private EpisodeDocument() {}

    static Document call(CallReceivedEvent e) {
        return new Document("receivedAt", date(e.receivedAt())).append("reasons", codes(e.reasons()))
                .append("triagePriority", e.triagePriority()).append("regulationDecision", e.regulationDecision());
    }

    static Document dispatch(PractitionerDispatchedEvent e) {
        return new Document("dispatchedAt", date(e.dispatchedAt()))
                .append("practitionerPseudonym", e.practitionerPseudonym())
                .append("practitionerRole", e.practitionerRole());
    }

    static Document encounter(EncounterRecordedEvent e) {
        return new Document("modality", e.encounterClass() == null ? null : e.encounterClass().name())
                .append("startedAt", date(e.startedAt())).append("endedAt", date(e.endedAt()))
                .append("arrivedAt", date(e.arrivedAt())).append("practitionerPseudonym", e.practitionerPseudonym())
                .append("practitionerRole", e.practitionerRole());
    }

    static Document diagnosis(DiagnosisRecordedEvent e) {
        return new Document("diagnosisId", e.diagnosisId()).append("codings", codes(e.codings()));
    }

    static Document measurement(String observationId, Code code, BigDecimal value, String unit, Instant effectiveAt) {
        return new Document("observationId", observationId).append("code", code(code))
                .append("value", value == null ? null : value.toPlainString()).append("unit", unit)
                .append("effectiveAt", date(effectiveAt));
    }

    static Document prescription(PrescriptionRecordedEvent e) {
        return new Document("prescriptionId", e.prescriptionId()).append("medication", codes(e.medication()))
                .append("authoredAt", date(e.authoredAt()));
    }

    static Document outcome(OutcomeRecordedEvent e) {
        return new Document("disposition", e.disposition() == null ? null : e.disposition().name())
                .append("recordedAt", date(e.recordedAt()));
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Episode decode(Document d) {
        Document call = d.get(CALL, Document.class);
        Document dispatch = d.get(DISPATCH, new Document());
        Document encounter = d.get(ENCOUNTER, new Document());
        Instant received = call == null ? null : instant(call, "receivedAt");
        Instant dispatched = instant(dispatch, "dispatchedAt");
        Instant arrived = instant(encounter, "arrivedAt");
        Instant started = instant(encounter, "startedAt");
        Instant ended = instant(encounter, "endedAt");
        Instant reached = arrived != null ? arrived : started;
        Document practitioner = encounter.get("practitionerPseudonym") != null
                || encounter.get("practitionerRole") != null ? encounter : dispatch;
        return new Episode(d.getString(EPISODE_ID), d.getString(ASSOCIATION), d.getString(DEPARTEMENT),
                d.getString("residence"), d.getString(PATIENT), d.getString("sex"), d.getString(AGE_BAND),
                instant(d, OPENED_AT),
                call == null ? null
                        : new Call(received, codeViews(call.getList("reasons", Document.class)),
                                call.getString("triagePriority"), call.getString("regulationDecision")),
                modality(encounter, call), dispatched, practitioner.getString("practitionerPseudonym"),
                practitioner.getString("practitionerRole"), arrived, started, ended,
                new Timings(minutes(received, dispatched), minutes(received, reached), minutes(started, ended)),
                d.getList(DIAGNOSES, Document.class, List.of()).stream()
                        .flatMap(x -> codeViews(x.getList("codings", Document.class)).stream()).toList(),
                d.getList(PRESCRIPTIONS, Document.class, List.of()).stream()
                        .flatMap(x -> codeViews(x.getList("medication", Document.class)).stream()).toList(),
                d.get(OUTCOME, new Document()).getString("disposition"), instant(d, GP_HAND_OFF_AT), null);
    }

    /**
     * The encounter's class; {@code ADVICE_ONLY} for a call without encounter: ingestion opens such an episode from a
     * call that ended with the regulator's advice, and no encounter ever joins it.
     */
    private static String modality(Document encounter, Document call) {
        String modality = encounter.getString("modality");
        return modality == null && call != null ? EpisodeQueries.ADVICE_ONLY : modality;
    }

    private static List<Document> codes(List<Code> codes) {
        return present(codes).stream().map(EpisodeDocument::code).filter(Objects::nonNull).toList();
    }

    private static Document code(Code code) {
        return code == null ? null : new Document("system", code.system()).append("code", code.code());
    }

    private static List<CodeView> codeViews(List<Document> codes) {
        return codes == null ? List.of()
                : codes.stream().map(c -> new CodeView(c.getString("system"), c.getString("code"))).toList();
    }

    private static Instant instant(Document d, String field) {
        var date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static Long minutes(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMinutes();
    }
}
