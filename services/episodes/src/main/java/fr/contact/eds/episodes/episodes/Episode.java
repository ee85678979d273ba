package fr.contact.eds.episodes.episodes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * A whole care episode as the episodes service answers it: patient by pseudonym and generalised traits, the call
 * and its triage, the dispatch, the visit or consultation with its timings, coded diagnoses and prescriptions, the
 * outcome and the hand-off. The practitioner, by pseudonym and role, is the one who saw the patient, else the one
 * sent. {@code departement} is where care happened, {@code residence} the patient's home département, {@code
 * abroad}, or null when not known (episodes recorded before it was kept). {@code returnWithin72h} is set only in a
 * patient's pathway.
 */
public record Episode(String episodeId, String associationId, String departement, String residence,
        String patientPseudonym,
        String sex, String ageBand, Instant openedAt, Call call, String modality, Instant dispatchedAt,
        String practitionerPseudonym, String practitionerRole,
        Instant arrivedAt, Instant startedAt, Instant endedAt, Timings timings, List<CodeView> diagnoses,
        List<CodeView> prescriptions, String outcome, Instant gpHandOffAt, Boolean returnWithin72h) {

    public record Call(Instant receivedAt, List<CodeView> reasons, String triagePriority,
            String regulationDecision) {}

    public record CodeView(String system, String code) {}

    /** Minutes from the call to the dispatch and to the arrival, and the visit's length. */
    public record Timings(Long callToDispatchMinutes, Long callToArrivalMinutes, Long visitMinutes) {}

    static Episode of(Document d) {
        Document call = d.get("call", Document.class);
        Document dispatch = d.get("dispatch", new Document());
        Document encounter = d.get("encounter", new Document());
        Instant received = call == null ? null : instant(call, "receivedAt");
        Instant dispatched = instant(dispatch, "dispatchedAt");
        Instant arrived = instant(encounter, "arrivedAt");
        Instant started = instant(encounter, "startedAt");
        Instant ended = instant(encounter, "endedAt");
        Instant reached = arrived != null ? arrived : started;
        Document practitioner = encounter.get("practitionerPseudonym") != null
                || encounter.get("practitionerRole") != null ? encounter : dispatch;
        return new Episode(d.getString("_id"), d.getString("associationId"), d.getString("departement"),
                d.getString("residence"), d.getString("patientPseudonym"), d.getString("sex"), d.getString("ageBand"),
                instant(d, "openedAt"),
                call == null ? null
                        : new Call(received, codes(call.getList("reasons", Document.class)),
                                call.getString("triagePriority"), call.getString("regulationDecision")),
                modality(encounter, call), dispatched, practitioner.getString("practitionerPseudonym"),
                practitioner.getString("practitionerRole"), arrived,
                started, ended, new Timings(minutes(received, dispatched), minutes(received, reached),
                        minutes(started, ended)),
                d.getList("diagnoses", Document.class, List.of()).stream()
                        .flatMap(x -> codes(x.getList("codings", Document.class)).stream()).toList(),
                d.getList("prescriptions", Document.class, List.of()).stream()
                        .flatMap(x -> codes(x.getList("medication", Document.class)).stream()).toList(),
                d.get("outcome", new Document()).getString("disposition"), instant(d, "gpHandOffAt"), null);
    }

    /**
     * The encounter's class; {@code ADVICE_ONLY} for a call without encounter: ingestion opens such an episode from a
     * call that ended with the regulator's advice, and no encounter ever joins it.
     */
    private static String modality(Document encounter, Document call) {
        String modality = encounter.getString("modality");
        return modality == null && call != null ? EpisodeQueries.ADVICE_ONLY : modality;
    }

    Episode withReturnWithin72h(boolean flag) {
        return new Episode(episodeId, associationId, departement, residence, patientPseudonym, sex, ageBand, openedAt,
                call,
                modality,
                dispatchedAt, practitionerPseudonym, practitionerRole, arrivedAt, startedAt, endedAt, timings,
                diagnoses,
                prescriptions, outcome, gpHandOffAt, flag);
    }

    /** When the episode began for the patient: the call, else the encounter. */
    public Instant beganAt() {
        return call != null && call.receivedAt() != null ? call.receivedAt() : startedAt;
    }

    private static List<CodeView> codes(List<Document> codes) {
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
