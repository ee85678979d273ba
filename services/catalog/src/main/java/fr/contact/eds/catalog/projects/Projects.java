package fr.contact.eds.catalog.projects;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import fr.contact.eds.catalog.api.ProjectState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Reads of the projects read model. */
public class Projects {

    /** What the transparency portal lists: projects the CSE approved, running or finished. */
    public static final List<ProjectState> PUBLIC = List.of(ProjectState.APPROVED, ProjectState.ACTIVE,
            ProjectState.CLOSED);

    private final MongoCollection<Document> projects;
    private final ObjectMapper json;

    public Projects(MongoCollection<Document> projects, ObjectMapper json) {
        this.projects = projects;
        this.json = json;
    }

    public Optional<ProjectView> byId(String projectId) {
        return Optional.ofNullable(projects.find(Filters.eq("_id", projectId)).first()).map(this::view);
    }

    /** {@code owner} null for everyone's; {@code states} empty for every state. */
    public List<ProjectView> list(String owner, List<ProjectState> states) {
        List<Bson> criteria = new ArrayList<>();
        if (owner != null) {
            criteria.add(Filters.eq("owner", owner));
        }
        if (!states.isEmpty()) {
            criteria.add(Filters.in("state", states.stream().map(Enum::name).toList()));
        }
        List<ProjectView> found = new ArrayList<>();
        projects.find(criteria.isEmpty() ? Filters.empty() : Filters.and(criteria)).sort(Sorts.ascending("draftedAt"))
                .map(this::view).into(found);
        return found;
    }

    private ProjectView view(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        return json.convertValue(copy, ProjectView.class);
    }
}
