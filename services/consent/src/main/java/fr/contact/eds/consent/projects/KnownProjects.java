package fr.contact.eds.consent.projects;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fr.contact.eds.catalog.api.ProjectApprovedEvent;
import fr.contact.eds.catalog.api.ProjectDraftedEvent;
import fr.contact.eds.catalog.api.ProjectRevisedEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

/**
 * The projects patients may oppose one by one: those the CSE approved, as the transparency portal lists them.
 * Drafts are kept (title only) so that an approval arriving later finds its title.
 */
@Singleton
@ProcessingGroup(KnownProjects.PROCESSOR)
public class KnownProjects {

    public static final String PROCESSOR = "consent-projects";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> projects;

    @Inject
    public KnownProjects(MongoDatabase database) {
        this.projects = database.getCollection("knownProjects");
    }

    @EventHandler
    void on(ProjectDraftedEvent event) {
        title(event.projectId(), event.proposal() == null ? null : event.proposal().title());
    }

    @EventHandler
    void on(ProjectRevisedEvent event) {
        title(event.projectId(), event.proposal() == null ? null : event.proposal().title());
    }

    @EventHandler
    void on(ProjectApprovedEvent event) {
        if (event.projectId() == null) {
            return; // nothing to know it by
        }
        projects.updateOne(Filters.eq("_id", event.projectId()), Updates.set("approved", true), UPSERT);
    }

    /** The title of an approved project. */
    public Optional<String> title(String projectId) {
        return Optional.ofNullable(projects.find(Filters.and(Filters.eq("_id", projectId),
                Filters.eq("approved", true))).first()).map(d -> d.getString("title"));
    }

    private void title(String projectId, String title) {
        // Total over what the events allow: a project without id has nothing to be known by, one without title
        // keeps the one it had.
        if (projectId == null || title == null) {
            return;
        }
        projects.updateOne(Filters.eq("_id", projectId), Updates.set("title", title), UPSERT);
    }
}
