package fr.contact.eds.ingestion.rest;

import ca.uhn.fhir.context.FhirContext;
import fr.contact.eds.ingestion.fhir.IntakeIssue;
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
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Under {@code /fhir} a refusal is what a FHIR client reads: the platform's problem, said as an OperationOutcome with
 * the same status, headers and wording; elsewhere the problem itself.
 */
public class FhirRefusals {

    private final RefusalMapper problems = new RefusalMapper();

    @Inject
    FhirContext fhir;

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
        if (!request.path().startsWith("/fhir") || !(problem.getEntity() instanceof Problem said)) {
            return problem;
        }
        // A problem's field here names a header (Authorization, Accept, Content-Type), not an element: no FHIRPath.
        Response outcome = OperationOutcomes.respond(fhir, said.status(),
                List.of(new IntakeIssue("error", issueType(said.status()), null, said.detail())));
        return Problems.withHeadersOf(problem, Response.fromResponse(outcome)).build();
    }

    private static String issueType(int status) {
        return switch (status) {
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405, 406, 415 -> "not-supported";
            case 413 -> "too-costly";
            case 400 -> "structure";
            default -> "exception";
        };
    }
}
