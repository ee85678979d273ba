package fr.contact.eds.episodes.research;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fr.contact.eds.catalog.api.Permit;
import fr.contact.eds.catalog.api.ProjectActivatedEvent;
import fr.contact.eds.catalog.api.ProjectApprovedEvent;
import fr.contact.eds.catalog.api.ProjectClosedEvent;
import fr.contact.eds.catalog.api.ProjectState;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;

/**
 * The permits the CSE granted, from the catalog's events: which users may read episodes for which project, which
 * variables and which period. Only approved projects are kept; a project's state decides whether its permit is in
 * force.
 */
@Singleton
@ProcessingGroup(ProjectPermits.PROCESSOR)
public class ProjectPermits {

    public static final String PROCESSOR = "episodes-permits";
    private static final String STAGE = "stage";
    private static final List<ProjectState> STAGES = List.of(ProjectState.APPROVED, ProjectState.ACTIVE,
            ProjectState.CLOSED);

    private final MongoCollection<Document> permits;

    @Inject
    public ProjectPermits(MongoDatabase database) {
        this.permits = database.getCollection("permits");
    }

    /** A project's permit and where the project stands. */
    public record ProjectPermit(String projectId, ProjectState state, Permit permit) {}

    @EventHandler
    void on(ProjectApprovedEvent event) {
        Permit p = event.permit();
        if (event.projectId() == null) {
            return;
        }
        if (p == null) {
            // Total over what the event allows: approved without a permit grants nothing.
            advance(event.projectId(), ProjectState.APPROVED);
            return;
        }
        permits.updateOne(eq("_id", event.projectId()), Updates.combine(
                Updates.max(STAGE, STAGES.indexOf(ProjectState.APPROVED)), Updates.set("permitId", p.permitId()),
                Updates.set("users", p.users()), Updates.set("datasets", p.datasets()),
                Updates.set("variables", p.variables()), Updates.set("dataFrom", text(p.dataFrom())),
                Updates.set("dataTo", text(p.dataTo())), Updates.set("validUntil", text(p.validUntil())),
                Updates.set("shiftDates", p.shiftDates())), new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(ProjectActivatedEvent event) {
        advance(event.projectId(), ProjectState.ACTIVE);
    }

    @EventHandler
    void on(ProjectClosedEvent event) {
        advance(event.projectId(), ProjectState.CLOSED);
    }

    /**
     * A project only moves forward (approved, active, closed): keeping the furthest stage seen makes the state the
     * same whatever order the events are handled in, and however often.
     */
    private void advance(String projectId, ProjectState state) {
        if (projectId == null) {
            return;
        }
        permits.updateOne(eq("_id", projectId), Updates.max(STAGE, STAGES.indexOf(state)),
                new UpdateOptions().upsert(true));
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    @ResetHandler
    void reset() {
        permits.drop();
    }

    /** A permit without its period grants nothing: fail closed rather than guess the dates. */
    public Optional<ProjectPermit> of(String projectId) {
        return Optional.ofNullable(permits.find(and(eq("_id", projectId), exists("permitId"))).first())
                .filter(d -> d.getString("dataFrom") != null && d.getString("dataTo") != null
                        && d.getString("validUntil") != null)
                .map(d -> new ProjectPermit(d.getString("_id"), STAGES.get(d.getInteger(STAGE)),
                        new Permit(d.getString("permitId"), d.getList("users", String.class, List.of()),
                                d.getList("datasets", String.class, List.of()),
                                d.getList("variables", String.class, List.of()),
                                LocalDate.parse(d.getString("dataFrom")), LocalDate.parse(d.getString("dataTo")),
                                LocalDate.parse(d.getString("validUntil")), d.getBoolean("shiftDates", false))));
    }
}
