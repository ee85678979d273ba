package fr.contact.eds.ingestion.rest;

import fr.contact.eds.platform.rest.Problem;
import fr.contact.eds.platform.rest.Problems;
import fr.contact.eds.platform.rest.RefusalMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The framework's refusals (authentication, authorisation, JAX-RS, the unexpected) as the platform says them, then
 * under {@code /fhir} in FHIR's words ({@link FhirRefusalDialect}), headers kept; elsewhere the problem itself.
 */
public class FhirRefusals {

    private final RefusalMapper problems = new RefusalMapper();

    @Inject
    FhirRefusalDialect dialect;

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return said(request, problems.unauthorized(e));
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return said(request, problems.authenticationFailed(e));
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return said(request, problems.forbidden(e));
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response refused(WebApplicationException e, HttpServerRequest request) {
        return said(request, problems.refused(e, request));
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unexpected(Exception e, HttpServerRequest request) {
        return said(request, problems.unexpected(e, request));
    }

    private Response said(HttpServerRequest request, Response problem) {
        if (!(problem.getEntity() instanceof Problem said)) {
            return problem;
        }
        return dialect.say(request.path(), said).map(outcome -> Problems.withHeadersOf(problem,
                Response.status(said.status()).type(outcome.mediaType()).entity(outcome.body())).build())
                .orElse(problem);
    }
}
