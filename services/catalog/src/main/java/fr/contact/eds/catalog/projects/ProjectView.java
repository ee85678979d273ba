package fr.contact.eds.catalog.projects;

import fr.contact.eds.catalog.api.Permit;
import fr.contact.eds.catalog.api.ProjectProposal;
import fr.contact.eds.catalog.api.ProjectState;
import java.time.Instant;
import java.util.List;

/** A project as its team, the CSE and the data steward see it. */
public record ProjectView(String projectId, String owner, ProjectState state, ProjectProposal proposal,
        List<OpinionView> opinions, Permit permit, String resultsSummary, Instant draftedAt, Instant submittedAt,
        Instant decidedAt, Instant activatedAt, Instant closedAt) {

    public record OpinionView(String reviewer, boolean patientRepresentative, String opinion, String comment,
            Instant at) {}
}
