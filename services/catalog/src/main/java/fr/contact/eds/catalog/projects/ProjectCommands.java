package fr.contact.eds.catalog.projects;

import fr.contact.eds.catalog.api.ProjectState;
import fr.contact.eds.platform.axon.Conflicts;
import fr.contact.eds.platform.axon.Failures;
import fr.contact.eds.platform.consistency.ProjectionBarrier;
import fr.contact.eds.platform.rest.ProblemException;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Sends project commands and turns what the aggregate refuses into problems naming the state or field. A step is
 * answered once the projects read model shows it (within {@link #READ_YOUR_WRITE}), so that what the caller does
 * next in the catalog (reading the project, requesting an extract right after activating) sees the step done.
 */
@Singleton
public class ProjectCommands {

    static final Duration READ_YOUR_WRITE = Duration.ofSeconds(5);

    private final CommandGateway commands;
    private final ProjectionBarrier barrier;

    public ProjectCommands(CommandGateway commands, ProjectionBarrier barrier) {
        this.commands = commands;
        this.barrier = barrier;
    }

    public <T> T send(String projectId, Object command) {
        T result = sendOnly(projectId, command);
        // The step is done whatever the wait gives: past it the answer stays true, only a read may lag behind.
        barrier.awaitHead(ProjectProjection.PROCESSOR, READ_YOUR_WRITE);
        return result;
    }

    private <T> T sendOnly(String projectId, Object command) {
        try {
            return Conflicts.retried(() -> commands.sendAndWait(command));
        } catch (RuntimeException e) {
            var illegal = Failures.find(e, IllegalTransitionException.class);
            if (illegal.isPresent()) {
                throw new ProblemException(409, "Conflict", illegal.get().getMessage() + " (state: "
                        + illegal.get().current() + ")", "state");
            }
            if (Failures.causedBy(e, NotTheOwnerException.class)) {
                // As for a project that does not exist: a 403 would tell another researcher that this draft does.
                throw ProblemException.notFound("No project " + projectId);
            }
            var invalid = Failures.find(e, ProposalRules.InvalidProposalException.class);
            if (invalid.isPresent()) {
                throw ProblemException.badRequest(invalid.get().field(), invalid.get().getMessage());
            }
            if (Failures.causedBy(e, AggregateNotFoundException.class)) {
                throw ProblemException.notFound("No project " + projectId);
            }
            var argument = Failures.find(e, IllegalArgumentException.class);
            if (argument.isPresent()) {
                throw ProblemException.badRequest(null, argument.get().getMessage());
            }
            throw e;
        }
    }

    /** The answer to a lifecycle step: where the project now stands. */
    public record Transition(String projectId, ProjectState state) {}
}
