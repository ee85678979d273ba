package fr.contact.eds.catalog.register.rest;

import fr.contact.eds.catalog.api.ProjectProposal;
import fr.contact.eds.catalog.datasets.DatasetCatalogue;
import fr.contact.eds.catalog.datasets.DatasetRdf;
import fr.contact.eds.catalog.datasets.rest.RdfResponses;
import fr.contact.eds.catalog.projects.ProjectView;
import fr.contact.eds.catalog.projects.Projects;
import fr.contact.eds.catalog.register.PublicStatistics;
import fr.contact.eds.platform.rest.DateParams;
import fr.contact.eds.platform.rest.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * The transparency portal's data, open to everyone: the projects the CSE approved (the list patients oppose a
 * project from) and the datasets. No personal names: organisations, purposes, periods and results.
 */
@Path("/public")
@PermitAll
public class PublicResource {

    /**
     * A project as the register shows it: what it is for (in plain words, and as its protocol says), who receives
     * the data, on which legal basis, which data (datasets and variables,
     * care period), when the CSE decided, the permit's end, and what came of it.
     */
    public record PublicProject(String projectId, String title, String laySummary, String organisation,
            List<String> recipients, String purpose, String legalFramework, List<String> datasets,
            List<String> variables, LocalDate dataFrom,
            LocalDate dataTo, LocalDate projectEnd, String state, Instant decidedAt, Instant activatedAt,
            LocalDate permitValidUntil, Instant closedAt, String publicationPlan, String resultsSummary) {}

    private final Projects projects;
    private final DatasetCatalogue catalogue;
    private final PublicStatistics statistics;
    private final DatasetRdf rdf;

    public PublicResource(Projects projects, DatasetCatalogue catalogue, PublicStatistics statistics, DatasetRdf rdf) {
        this.projects = projects;
        this.catalogue = catalogue;
        this.statistics = statistics;
        this.rdf = rdf;
    }

    @GET
    @Path("projects")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PublicProject> projects() {
        return projects.list(null, Projects.PUBLIC).stream().map(PublicResource::publicView).toList();
    }

    @GET
    @Path("projects/{projectId}")
    @Produces(MediaType.APPLICATION_JSON)
    public PublicProject project(@PathParam("projectId") String projectId) {
        return projects.byId(projectId).filter(p -> Projects.PUBLIC.contains(p.state()))
                .map(PublicResource::publicView)
                .orElseThrow(() -> ProblemException.notFound("No project " + projectId + " on the public register"));
    }

    @GET
    @Path("datasets")
    @Produces({MediaType.APPLICATION_JSON, RdfResponses.TURTLE, RdfResponses.JSON_LD,
            RdfResponses.RDF_XML})
    public Response datasets(@Context HttpHeaders headers) {
        return RdfResponses.negotiated(catalogue.all(), headers, rdf);
    }

    /**
     * Episode counts between {@code from} and {@code to} (dates, default: the last twelve months) grouped by any of
     * month, departement, modality, ageBand (comma-separated; default month).
     */
    @GET
    @Path("statistics")
    @Produces(MediaType.APPLICATION_JSON)
    public PublicStatistics.Table statistics(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy) {
        LocalDate end = DateParams.date("to", to, LocalDate.now(ZoneOffset.UTC).plusDays(1));
        LocalDate start = DateParams.date("from", from, end.minusMonths(12));
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("from", "from must be before to");
        }
        List<String> dimensions = groupBy == null || groupBy.isBlank() ? List.of("month")
                : Arrays.stream(groupBy.split(",")).map(String::strip).toList();
        for (String dimension : dimensions) {
            if (!PublicStatistics.DIMENSIONS.contains(dimension)) {
                throw ProblemException.badRequest("groupBy", "Unknown dimension " + dimension + "; valid ones: "
                        + String.join(", ", PublicStatistics.DIMENSIONS));
            }
        }
        return statistics.count(start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                end.atStartOfDay(ZoneOffset.UTC).toInstant(), dimensions);
    }

    private static PublicProject publicView(ProjectView p) {
        ProjectProposal proposal = p.proposal();
        return new PublicProject(p.projectId(), proposal.title(), proposal.laySummary(), proposal.organisation(),
                proposal.recipients(), proposal.purpose(), proposal.legalFramework(), proposal.datasets(),
                proposal.variables(), proposal.dataFrom(),
                proposal.dataTo(), proposal.projectEnd(), p.state().name(), p.decidedAt(), p.activatedAt(),
                p.permit() == null ? null : p.permit().validUntil(), p.closedAt(), proposal.publicationPlan(),
                p.resultsSummary());
    }
}
