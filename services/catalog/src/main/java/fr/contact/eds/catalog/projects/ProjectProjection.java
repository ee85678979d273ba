package fr.contact.eds.catalog.projects;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fr.contact.eds.catalog.api.CseOpinionRecordedEvent;
import fr.contact.eds.catalog.api.ProjectActivatedEvent;
import fr.contact.eds.catalog.api.ProjectApprovedEvent;
import fr.contact.eds.catalog.api.ProjectChangesRequestedEvent;
import fr.contact.eds.catalog.api.ProjectClosedEvent;
import fr.contact.eds.catalog.api.ProjectDraftedEvent;
import fr.contact.eds.catalog.api.ProjectRejectedEvent;
import fr.contact.eds.catalog.api.ProjectReviewStartedEvent;
import fr.contact.eds.catalog.api.ProjectRevisedEvent;
import fr.contact.eds.catalog.api.ProjectState;
import fr.contact.eds.catalog.api.ProjectSubmittedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Projects as documents, one per project, updated by each lifecycle event. */
@ProcessingGroup(ProjectProjection.PROCESSOR)
public class ProjectProjection {

    public static final String PROCESSOR = "catalog-projects";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> projects;
    private final ObjectMapper json;

    public ProjectProjection(MongoCollection<Document> projects, ObjectMapper json) {
        this.projects = projects;
        this.json = json;
    }

    @EventHandler
    void on(ProjectDraftedEvent event) {
        update(event.projectId(), Updates.combine(Updates.set("owner", event.owner()),
                Updates.set("state", ProjectState.DRAFT.name()), Updates.set("proposal", document(event.proposal())),
                Updates.set("opinions", List.of()), Updates.set("draftedAt", time(event.at()))));
    }

    @EventHandler
    void on(ProjectRevisedEvent event) {
        update(event.projectId(), Updates.set("proposal", document(event.proposal())));
    }

    @EventHandler
    void on(ProjectSubmittedEvent event) {
        update(event.projectId(), Updates.combine(state(ProjectState.SUBMITTED), Updates.set("opinions", List.of()),
                Updates.set("submittedAt", time(event.at()))));
    }

    @EventHandler
    void on(ProjectReviewStartedEvent event) {
        update(event.projectId(), state(ProjectState.UNDER_REVIEW));
    }

    @EventHandler
    void on(CseOpinionRecordedEvent event) {
        projects.updateOne(Filters.eq("_id", event.projectId()),
                Updates.pull("opinions", new Document("reviewer", event.reviewer())));
        update(event.projectId(), Updates.push("opinions", new Document("reviewer", event.reviewer())
                .append("patientRepresentative", event.patientRepresentative())
                .append("opinion", event.opinion() == null ? null : event.opinion().name())
                .append("comment", event.comment())
                .append("at", time(event.at()))));
    }

    @EventHandler
    void on(ProjectApprovedEvent event) {
        decided(event.projectId(), ProjectState.APPROVED, event.at(), Updates.set("permit", document(event.permit())));
    }

    @EventHandler
    void on(ProjectRejectedEvent event) {
        decided(event.projectId(), ProjectState.REJECTED, event.at());
    }

    @EventHandler
    void on(ProjectChangesRequestedEvent event) {
        decided(event.projectId(), ProjectState.CHANGES_REQUESTED, event.at());
    }

    @EventHandler
    void on(ProjectActivatedEvent event) {
        update(event.projectId(), Updates.combine(state(ProjectState.ACTIVE),
                Updates.set("activatedAt", time(event.at()))));
    }

    @EventHandler
    void on(ProjectClosedEvent event) {
        update(event.projectId(), Updates.combine(state(ProjectState.CLOSED),
                Updates.set("resultsSummary", event.resultsSummary()), Updates.set("closedAt", time(event.at()))));
    }

    private void update(String projectId, Bson update) {
        if (projectId == null) {
            return; // total over what the events allow: a project without id has nothing to be found by
        }
        projects.updateOne(Filters.eq("_id", projectId),
                Updates.combine(update, Updates.setOnInsert("projectId", projectId)), UPSERT);
    }

    /** The committee's decision: the state it leads to, when, and what else it settles (an approval's permit). */
    private void decided(String projectId, ProjectState state, Instant at, Bson... settled) {
        List<Bson> updates = new ArrayList<>(List.of(state(state), Updates.set("decidedAt", time(at))));
        updates.addAll(List.of(settled));
        update(projectId, Updates.combine(updates));
    }

    private static Bson state(ProjectState state) {
        return Updates.set("state", state.name());
    }

    /** Times as ISO text, like every other field written through Jackson, so the view reads back symmetrically. */
    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    @SuppressWarnings("unchecked")
    private Document document(Object value) {
        return value == null ? null : new Document(json.convertValue(value, Map.class));
    }
}
