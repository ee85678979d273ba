package fr.contact.eds.portal.audit;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The audit trail as the signed-in patient may read it: who accessed their own data, when and why. */
@RegisterRestClient(configKey = "audit")
@AccessToken
@Path("/patients/me/accesses")
public interface AuditApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    AccessesPage accesses(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);
}
