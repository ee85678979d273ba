package fr.contact.eds.episodes.research;

import static fr.contact.eds.catalog.api.Variables.CONDITIONS;
import static fr.contact.eds.catalog.api.Variables.DRUGS;
import static fr.contact.eds.catalog.api.Variables.OUTCOME;
import static fr.contact.eds.catalog.api.Variables.SEX;
import static fr.contact.eds.catalog.api.Variables.TRIAGE;
import static fr.contact.eds.catalog.api.Variables.VISIT;
import static fr.contact.eds.catalog.api.Variables.VISIT_TIMES;
import static fr.contact.eds.catalog.api.Variables.YEAR_OF_BIRTH;

import fr.contact.eds.catalog.api.Permit;
import fr.contact.eds.episodes.episodes.Episode;
import fr.contact.eds.episodes.episodes.Episode.Call;
import fr.contact.eds.episodes.episodes.Episode.Timings;
import fr.contact.eds.episodes.episodes.EpisodeFilter;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.pseudonymisation.ProjectPseudonym;
import fr.contact.eds.pseudonymisation.ProjectPseudonyms;
import fr.contact.eds.research.ResearchAccess;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Episodes as a permit's holders see them, by the rule the project's extracts follow too ({@link ResearchAccess}):
 * the permit's period, no patient who opposes the project, the permit's variables, the project's own identifiers and
 * date shift. The practitioner's role goes with the visit; their pseudonym, which no permit variable names, never
 * leaves.
 */
public final class ResearchScope {

    private final ResearchAccess access;

    public ResearchScope(String projectId, Permit permit, ProjectPseudonyms pseudonyms) {
        this.access = new ResearchAccess(projectId, permit, pseudonyms);
    }

    public String projectId() {
        return access.projectId();
    }

    public boolean releases(String variable) {
        return access.releases(variable);
    }

    public boolean shiftsDates() {
        return access.shiftsDates();
    }

    /** The caller's filter within the permit: its period, and without the patients who oppose the project. */
    public EpisodeFilter restrict(EpisodeFilter f) {
        Instant start = access.periodStart();
        Instant end = access.periodEnd();
        return new EpisodeFilter(f.from() == null || f.from().isBefore(start) ? start : f.from(),
                f.to() == null || f.to().isAfter(end) ? end : f.to(), f.departement(), f.associationId(),
                f.modality(), f.icpc2(), f.outcome(), f.ageBand(), access.projectId());
    }

    public String projectEpisodeId(String episodeId) {
        return access.projectEpisodeId(episodeId);
    }

    public String projectPseudonym(String patientPseudonym) {
        ProjectPseudonym shown = access.projectPseudonym(PatientPseudonym.ofNullable(patientPseudonym));
        return shown == null ? null : shown.value();
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
        int shift = access.shiftDays(PatientPseudonym.ofNullable(e.patientPseudonym()));
        boolean times = releases(VISIT_TIMES);
        UnaryOperator<Instant> when = t -> access.shown(t, shift);
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
