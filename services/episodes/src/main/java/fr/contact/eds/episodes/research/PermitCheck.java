package fr.contact.eds.episodes.research;

import fr.contact.eds.catalog.api.Datasets;
import fr.contact.eds.catalog.api.PermitStanding;
import fr.contact.eds.episodes.research.ProjectPermits.ProjectPermit;
import fr.contact.eds.platform.access.Access;
import fr.contact.eds.platform.access.AccessRecorder;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.config.PlatformConfig;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.Actor;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.pseudonymisation.ProjectPseudonyms;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/**
 * A researcher reads episodes only through a permit in force, as the catalog serves extracts: named on the permit of
 * an active project, whose permit covers the episodes dataset and has not ended. A refusal is recorded as a denied
 * access, like every attempt on patient data.
 */
@Singleton
public class PermitCheck {

    private final ProjectPermits permits;
    private final AccessRecorder accessRecorder;
    private final PlatformConfig config;
    private final Clock clock;

    @Inject
    public PermitCheck(ProjectPermits permits, AccessRecorder accessRecorder, PlatformConfig config) {
        this(permits, accessRecorder, config, Clock.systemUTC());
    }

    PermitCheck(ProjectPermits permits, AccessRecorder accessRecorder, PlatformConfig config, Clock clock) {
        this.permits = permits;
        this.accessRecorder = accessRecorder;
        this.config = config;
        this.clock = clock;
    }

    /** {@code requested}: the {@code project} parameter, else the token's {@code project} claim. */
    public ResearchScope scope(Actor actor, String requested, AccessAction action) {
        String projectId = requested != null && !requested.isBlank() ? requested : actor.project();
        if (projectId == null) {
            throw ProblemException.badRequest("project",
                    "A researcher reads episodes for a project: give project=<projectId> (a permit of that project)");
        }
        ProjectPermit permit = permits.of(projectId).orElse(null);
        boolean tokenForAnother = actor.project() != null && !actor.project().equals(projectId);
        if (tokenForAnother || permit == null || !permit.permit().users().contains(actor.subject())
                || !permit.permit().datasets().contains(Datasets.EPISODES)) {
            accessRecorder.record(actor, access(projectId, action), List.of(), AccessOutcome.DENIED);
            throw new ProblemException(403, "Forbidden", "Only the users named on a permit of " + projectId
                    + " that covers the dataset " + Datasets.EPISODES + " may read its episodes", "project");
        }
        switch (PermitStanding.of(permit.state(), permit.permit(), LocalDate.now(clock))) {
            case ENDED -> throw new ProblemException(410, "Gone", "The permit of " + projectId + " has ended ("
                    + PermitStanding.whyEnded(permit.state(), permit.permit()) + ")", "project");
            case NOT_YET_IN_FORCE -> throw new ProblemException(409, "Conflict",
                    "The permit is in force once the project is active; it is " + permit.state(), "project");
            case IN_FORCE -> {
            }
        }
        return new ResearchScope(projectId, permit.permit(), new ProjectPseudonyms(masterKey(), projectId));
    }

    public static Access access(String projectId, AccessAction action) {
        return new Access(Roles.RESEARCHER, "research project " + projectId, action, "Episode");
    }

    private byte[] masterKey() {
        return Base64.getDecoder().decode(config.crypto().masterKey()
                .orElseThrow(() -> new ProblemException(503, "Service Unavailable",
                        "No master key: set CONTACT_MASTER_KEY", null))
                .strip());
    }
}
