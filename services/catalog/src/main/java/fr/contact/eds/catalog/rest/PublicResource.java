package fr.contact.eds.catalog.rest;

import fr.contact.eds.catalog.query.DatasetCatalogue;
import fr.contact.eds.catalog.query.ProjectView;
import fr.contact.eds.catalog.query.Projects;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;

/**
 * The transparency portal's data, open to everyone: the projects the CSE approved (the list patients oppose a
 * project from) and the datasets. No personal names: organisations, purposes, periods and results.
 */
@Path("/public")
@PermitAll
public class PublicResource {

    public record PublicProject(String projectId, String title, String organisation, String purpose,
            List<String> datasets, LocalDate dataFrom, LocalDate dataTo, LocalDate projectEnd, String state,
            String resultsSummary) {}

    @Inject
    Projects projects;
    @Inject
    DatasetCatalogue catalogue;

    @GET
    @Path("projects")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PublicProject> projects() {
        return projects.list(null, Projects.PUBLIC).stream().map(PublicResource::publicView).toList();
    }

    @GET
    @Path("datasets")
    @Produces({MediaType.APPLICATION_JSON, DatasetResource.TURTLE, DatasetResource.JSON_LD})
    public Response datasets(@Context HttpHeaders headers) {
        return DatasetResource.negotiated(catalogue.all(), headers);
    }

    private static PublicProject publicView(ProjectView p) {
        return new PublicProject(p.projectId(), p.proposal().title(), p.proposal().organisation(),
                p.proposal().purpose(), p.proposal().datasets(), p.proposal().dataFrom(), p.proposal().dataTo(),
                p.proposal().projectEnd(), p.state().name(), p.resultsSummary());
    }
}
