package fr.contact.eds.episodes.query;

import static fr.contact.eds.catalog.api.Variables.CONDITIONS;
import static fr.contact.eds.catalog.api.Variables.DRUGS;
import static fr.contact.eds.catalog.api.Variables.OUTCOME;
import static fr.contact.eds.catalog.api.Variables.SEX;
import static fr.contact.eds.catalog.api.Variables.TRIAGE;
import static fr.contact.eds.catalog.api.Variables.VISIT;
import static fr.contact.eds.catalog.api.Variables.VISIT_TIMES;
import static fr.contact.eds.catalog.api.Variables.YEAR_OF_BIRTH;

import fr.contact.eds.catalog.api.Permit;
import fr.contact.eds.episodes.query.Episode.Call;
import fr.contact.eds.episodes.query.Episode.Timings;
import fr.contact.eds.pseudonymisation.ProjectPseudonyms;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a permit lets its holders see of episodes, the same as the project's extracts: the permit's period only (days
 * in UTC, as extracts), no patient who opposes the project, the permit's variables only, episodes and patients under
 * the project's own identifiers (so that two projects cannot join what they saw), and with {@code shiftDates} every
 * date of a patient moved by that patient's shift in the project. The practitioner's role goes with the visit; their
 * pseudonym, which no permit variable names, never leaves.
 */
public final class ResearchScope {

    private final String projectId;
    private final Permit permit;
    private final Set<String> variables;
    private final ProjectPseudonyms pseudonyms;

    public ResearchScope(String projectId, Permit permit, ProjectPseudonyms pseudonyms) {
        this.projectId = projectId;
        this.permit = permit;
        this.variables = new HashSet<>(permit.variables());
        this.pseudonyms = pseudonyms;
    }

    public String projectId() {
        return projectId;
    }

    public boolean releases(String variable) {
        return variables.contains(variable);
    }

    public boolean shiftsDates() {
        return permit.shiftDates();
    }

    /** The caller's filter within the permit: its period, and without the patients who oppose the project. */
    public EpisodeFilter restrict(EpisodeFilter f) {
        Instant start = permit.dataFrom().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = permit.dataTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new EpisodeFilter(f.from() == null || f.from().isBefore(start) ? start : f.from(),
                f.to() == null || f.to().isAfter(end) ? end : f.to(), f.departement(), f.associationId(),
                f.modality(), f.icpc2(), f.outcome(), f.ageBand(), projectId);
    }

    public String projectEpisodeId(String episodeId) {
        return pseudonyms.identifierOf("episode", episodeId);
    }

    public String projectPseudonym(String patientPseudonym) {
        return patientPseudonym == null ? null : pseudonyms.of(patientPseudonym);
    }

    /** Project identifier → warehouse identifier of every episode and patient in {@code episodes}. */
    public Map<String, String> identifiersIn(List<Episode> episodes) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (Episode e : episodes) {
            shown.put(projectEpisodeId(e.episodeId()), e.episodeId());
            if (e.patientPseudonym() != null) {
                shown.put(projectPseudonym(e.patientPseudonym()), e.patientPseudonym());
            }
        }
        return shown;
    }

    /** The episode as the project sees it. */
    public Episode view(Episode e) {
        int shift = shiftsDates() && e.patientPseudonym() != null ? pseudonyms.dateShiftDays(e.patientPseudonym())
                : 0;
        boolean times = releases(VISIT_TIMES);
        UnaryOperator<Instant> when = t -> t == null ? null
                : times ? t.plus(shift, ChronoUnit.DAYS) : t.plus(shift, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        Call call = e.call() == null ? null
                : new Call(when.apply(e.call().receivedAt()), releases(TRIAGE) ? e.call().reasons() : List.of(),
                        releases(TRIAGE) ? e.call().triagePriority() : null,
                        releases(TRIAGE) ? e.call().regulationDecision() : null);
        return new Episode(projectEpisodeId(e.episodeId()), e.associationId(), e.departement(), e.residence(),
                projectPseudonym(e.patientPseudonym()), releases(SEX) ? e.sex() : null,
                releases(YEAR_OF_BIRTH) ? e.ageBand() : null, when.apply(e.openedAt()), call,
                releases(VISIT) ? e.modality() : null, times ? when.apply(e.dispatchedAt()) : null, null,
                releases(VISIT) ? e.practitionerRole() : null,
                times ? when.apply(e.arrivedAt()) : null, when.apply(e.startedAt()), when.apply(e.endedAt()),
                times ? e.timings() : new Timings(null, null, null), releases(CONDITIONS) ? e.diagnoses() : List.of(),
                releases(DRUGS) ? e.prescriptions() : List.of(), releases(OUTCOME) ? e.outcome() : null,
                when.apply(e.gpHandOffAt()), e.returnWithin72h());
    }
}
