package fr.contact.eds.portal.catalog;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The catalog's public API: what anyone may read, so the portal calls it without a token. */
@RegisterRestClient(configKey = "catalog")
@Path("/public")
public interface CatalogApi {

    @GET
    @Path("projects")
    @Produces(MediaType.APPLICATION_JSON)
    List<RegisterEntry> projects();

    @GET
    @Path("projects/{projectId}")
    @Produces(MediaType.APPLICATION_JSON)
    RegisterEntry project(@PathParam("projectId") String projectId);

    @GET
    @Path("datasets")
    @Produces(MediaType.APPLICATION_JSON)
    List<DatasetDescription> datasets();

    /** The same descriptions in an RDF syntax (Turtle, JSON-LD), passed through as the catalog writes them. */
    @GET
    @Path("datasets")
    String datasetsAs(@HeaderParam("Accept") String mediaType);

    @GET
    @Path("statistics")
    @Produces(MediaType.APPLICATION_JSON)
    StatisticsTable statistics(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy);
}
