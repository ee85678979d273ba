package fr.contact.eds.catalog.projects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.contact.eds.catalog.api.ActivateProjectCommand;
import fr.contact.eds.catalog.api.CloseProjectCommand;
import fr.contact.eds.catalog.api.CseOpinionRecordedEvent;
import fr.contact.eds.catalog.api.DraftProjectCommand;
import fr.contact.eds.catalog.api.Opinion;
import fr.contact.eds.catalog.api.Permit;
import fr.contact.eds.catalog.api.ProjectActivatedEvent;
import fr.contact.eds.catalog.api.ProjectApprovedEvent;
import fr.contact.eds.catalog.api.ProjectChangesRequestedEvent;
import fr.contact.eds.catalog.api.ProjectClosedEvent;
import fr.contact.eds.catalog.api.ProjectDraftedEvent;
import fr.contact.eds.catalog.api.ProjectProposal;
import fr.contact.eds.catalog.api.ProjectRejectedEvent;
import fr.contact.eds.catalog.api.ProjectReviewStartedEvent;
import fr.contact.eds.catalog.api.ProjectRevisedEvent;
import fr.contact.eds.catalog.api.ProjectState;
import fr.contact.eds.catalog.api.ProjectSubmittedEvent;
import fr.contact.eds.catalog.api.RecordOpinionCommand;
import fr.contact.eds.catalog.api.ReviseProjectCommand;
import fr.contact.eds.catalog.api.StartReviewCommand;
import fr.contact.eds.catalog.api.SubmitProjectCommand;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A research project from draft to closing: draft → submitted → under review → approved / rejected / changes
 * requested → active → closed. The CSE decides once the quorum of members, including a patient representative, has
 * given an opinion: approval by a majority grants the permit, rejection by a majority ends the project, anything
 * else sends it back for changes.
 */
public class ResearchProject {

    @AggregateIdentifier
    private String projectId;
    private String owner;
    private ProjectState state;
    private ProjectProposal proposal;
    private final Map<String, CseOpinionRecordedEvent> opinions = new LinkedHashMap<>();

    protected ResearchProject() {}

    @CommandHandler
    public ResearchProject(DraftProjectCommand command) {
        ProposalRules.validate(command.proposal());
        apply(new ProjectDraftedEvent(command.projectId(), command.researcher(), command.proposal(), now()));
    }

    @CommandHandler
    public ProjectState handle(ReviseProjectCommand command) {
        requireOwner(command.researcher());
        require(Set.of(ProjectState.DRAFT, ProjectState.CHANGES_REQUESTED), "revise");
        ProposalRules.validate(command.proposal());
        apply(new ProjectRevisedEvent(projectId, command.proposal(), now()));
        return state;
    }

    @CommandHandler
    public ProjectState handle(SubmitProjectCommand command) {
        requireOwner(command.researcher());
        require(Set.of(ProjectState.DRAFT, ProjectState.CHANGES_REQUESTED), "submit");
        apply(new ProjectSubmittedEvent(projectId, now()));
        return state;
    }

    @CommandHandler
    public ProjectState handle(StartReviewCommand command) {
        require(Set.of(ProjectState.SUBMITTED), "start reviewing");
        apply(new ProjectReviewStartedEvent(projectId, command.reviewer(), now()));
        return state;
    }

    @CommandHandler
    public ProjectState handle(RecordOpinionCommand command) {
        require(Set.of(ProjectState.UNDER_REVIEW), "give an opinion on");
        if (command.reviewer().equals(owner)) {
            throw new IllegalArgumentException("A researcher cannot review their own project");
        }
        Instant at = now();
        apply(new CseOpinionRecordedEvent(projectId, command.reviewer(), command.patientRepresentative(),
                command.opinion(), command.comment(), at));
        if (opinions.size() < command.quorum()
                || opinions.values().stream().noneMatch(CseOpinionRecordedEvent::patientRepresentative)) {
            return state;
        }
        long approvals = count(Opinion.APPROVE);
        long rejections = count(Opinion.REJECT);
        if (approvals * 2 > opinions.size()) {
            apply(new ProjectApprovedEvent(projectId, permit(), at));
        } else if (rejections * 2 > opinions.size()) {
            apply(new ProjectRejectedEvent(projectId, at));
        } else {
            apply(new ProjectChangesRequestedEvent(projectId, at));
        }
        return state;
    }

    @CommandHandler
    public ProjectState handle(ActivateProjectCommand command) {
        requireOwner(command.researcher());
        require(Set.of(ProjectState.APPROVED), "activate");
        apply(new ProjectActivatedEvent(projectId, now()));
        return state;
    }

    @CommandHandler
    public ProjectState handle(CloseProjectCommand command) {
        requireOwner(command.researcher());
        require(Set.of(ProjectState.ACTIVE), "close");
        if (command.resultsSummary() == null || command.resultsSummary().isBlank()) {
            throw new IllegalArgumentException("resultsSummary: a closed project publishes a summary of its results");
        }
        apply(new ProjectClosedEvent(projectId, command.resultsSummary(), now()));
        return state;
    }

    @EventSourcingHandler
    void on(ProjectDraftedEvent event) {
        projectId = event.projectId();
        owner = event.owner();
        proposal = event.proposal();
        state = ProjectState.DRAFT;
    }

    @EventSourcingHandler
    void on(ProjectRevisedEvent event) {
        proposal = event.proposal();
    }

    @EventSourcingHandler
    void on(ProjectSubmittedEvent event) {
        state = ProjectState.SUBMITTED;
        opinions.clear();
    }

    @EventSourcingHandler
    void on(ProjectReviewStartedEvent event) {
        state = ProjectState.UNDER_REVIEW;
    }

    @EventSourcingHandler
    void on(CseOpinionRecordedEvent event) {
        opinions.put(event.reviewer(), event);
    }

    @EventSourcingHandler
    void on(ProjectApprovedEvent event) {
        state = ProjectState.APPROVED;
    }

    @EventSourcingHandler
    void on(ProjectRejectedEvent event) {
        state = ProjectState.REJECTED;
    }

    @EventSourcingHandler
    void on(ProjectChangesRequestedEvent event) {
        state = ProjectState.CHANGES_REQUESTED;
    }

    @EventSourcingHandler
    void on(ProjectActivatedEvent event) {
        state = ProjectState.ACTIVE;
    }

    @EventSourcingHandler
    void on(ProjectClosedEvent event) {
        state = ProjectState.CLOSED;
    }

    private Permit permit() {
        return new Permit("permit-" + projectId,
                proposal.permitUsers().isEmpty() ? java.util.List.of(owner) : proposal.permitUsers(),
                proposal.datasets(), proposal.variables(), proposal.dataFrom(), proposal.dataTo(),
                proposal.projectEnd(), proposal.shiftDates());
    }

    private long count(Opinion opinion) {
        return opinions.values().stream().filter(o -> o.opinion() == opinion).count();
    }

    private void require(Set<ProjectState> allowed, String attempted) {
        if (!allowed.contains(state)) {
            throw new IllegalTransitionException(state, attempted);
        }
    }

    private void requireOwner(String researcher) {
        if (!owner.equals(researcher)) {
            throw new NotTheOwnerException(projectId);
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
