package fr.contact.eds.research;

import fr.contact.eds.catalog.api.Permit;
import fr.contact.eds.catalog.api.Variables;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.pseudonymisation.ProjectPseudonym;
import fr.contact.eds.pseudonymisation.ProjectPseudonyms;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * What a permit lets its project see, written once for every path that serves a project: the episodes researcher
 * reads and the OMOP CDM extracts. The permit's period, in whole days counted in UTC; its variables only; patients and
 * episodes under the project's own identifiers, so that two projects cannot join what they saw; and, when the permit
 * says so, every date of a patient moved by that patient's shift in the project, times of day dropped unless the
 * permit releases visit times. Leaving out patients who oppose is each caller's read of its own consent copy.
 */
public final class ResearchAccess {

    private final String projectId;
    private final Permit permit;
    private final Set<String> variables;
    private final ProjectPseudonyms pseudonyms;

    public ResearchAccess(String projectId, Permit permit, ProjectPseudonyms pseudonyms) {
        this.projectId = projectId;
        this.permit = permit;
        this.variables = Set.copyOf(permit.variables());
        this.pseudonyms = pseudonyms;
    }

    public String projectId() {
        return projectId;
    }

    /** The first instant of the permit's data period: its first day at 00:00 UTC. */
    public Instant periodStart() {
        return permit.dataFrom().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period: the day after its last day, at 00:00 UTC. */
    public Instant periodEnd() {
        return permit.dataTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Whether the permit names this variable ({@link Variables}). */
    public boolean releases(String variable) {
        return variables.contains(variable);
    }

    public boolean shiftsDates() {
        return permit.shiftDates();
    }

    /** The days every date of this patient moves by in the project: 0 when the permit keeps the real dates. */
    public int shiftDays(PatientPseudonym patient) {
        return shiftsDates() && patient != null ? pseudonyms.dateShiftDays(patient) : 0;
    }

    /** An instant as the project sees it: shifted, and cut to its day (UTC) unless visit times are released. */
    public Instant shown(Instant at, int shiftDays) {
        if (at == null) {
            return null;
        }
        Instant shifted = at.plus(shiftDays, ChronoUnit.DAYS);
        return releases(Variables.VISIT_TIMES) ? shifted : shifted.truncatedTo(ChronoUnit.DAYS);
    }

    /** The patient under the project's own pseudonym (22 characters); null stays null. */
    public ProjectPseudonym projectPseudonym(PatientPseudonym patient) {
        return patient == null ? null : pseudonyms.of(patient);
    }

    /** The episode under the project's own identifier. */
    public String projectEpisodeId(String episodeId) {
        return pseudonyms.identifierOf("episode", episodeId);
    }
}
