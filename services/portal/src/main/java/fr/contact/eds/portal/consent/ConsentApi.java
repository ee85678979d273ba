package fr.contact.eds.portal.consent;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The consent service's patient API, called with the signed-in patient's own access token: consent decides who the
 * caller is from the token's identity claims, never from anything the portal adds.
 */
@RegisterRestClient(configKey = "consent")
@AccessToken
@Path("/patients/me")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ConsentApi {

    @GET
    @Path("consent")
    ConsentStatus status();

    @POST
    @Path("oppositions")
    Receipt oppose(ForWhom body);

    @POST
    @Path("withdrawals")
    Receipt withdraw(ForWhom body);

    @POST
    @Path("erasures")
    Receipt erase(ForWhom body);

    @POST
    @Path("child-consent")
    ConsentStatus childStatus(ForWhom body);

    @POST
    @Path("project-oppositions")
    Receipt opposeProject(ProjectDecision body);

    @POST
    @Path("project-withdrawals")
    Receipt withdrawProject(ProjectDecision body);

    /** Nobody (the patient themself), or the minor child a parent acts for. */
    record ForWhom(ChildIdentity child) {

        public static final ForWhom SELF = new ForWhom(null);
    }

    record ProjectDecision(String projectId, ChildIdentity child) {}
}
