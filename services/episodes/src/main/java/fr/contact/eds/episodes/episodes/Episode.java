package fr.contact.eds.episodes.episodes;

import java.time.Instant;
import java.util.List;

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
}
