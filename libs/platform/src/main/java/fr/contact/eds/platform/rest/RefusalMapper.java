package fr.contact.eds.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every refusal the framework makes on a service's behalf (no token, wrong role, no such route, wrong method or media
 * type, a body that is not the JSON expected) answers a problem body naming what was wrong, and an unexpected failure
 * answers a problem with a reference to the log instead of a stack trace or an empty body. Where a service's clients
 * read another shape (an OperationOutcome under {@code /fhir}), its {@link RefusalDialect} says the same refusal.
 */
public class RefusalMapper {

    private static final Logger LOG = Logger.getLogger(RefusalMapper.class);

    private final Instance<RefusalDialect> dialects;

    public RefusalMapper(Instance<RefusalDialect> dialects) {
        this.dialects = dialects;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return said(request, unauthorized());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return said(request, unauthorized());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return said(request, Problems.answer(403, "Your token does not carry a role allowed to do this", null)
                .build());
    }

    @ServerExceptionMapper
    public Response refused(WebApplicationException e, HttpServerRequest request) {
        Response given = e.getResponse();
        if (given.hasEntity()) {
            return given;
        }
        int status = given.getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, request);
        }
        return said(request, Problems.withHeadersOf(given, Problems.answer(status, detail(status, request),
                field(status))).build());
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, HttpServerRequest request) {
        return said(request, Problems
                .answer(400, unreadableDetail(e), e instanceof JsonMappingException mapping ? path(mapping) : null)
                .build());
    }

    @ServerExceptionMapper
    public Response unreadableInput(MismatchedInputException e, HttpServerRequest request) {
        return unreadable(e, request);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpServerRequest request) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure of %s %s, reference %s", request.method(), request.path(), reference);
        return said(request, Problems.answer(500, "The service failed unexpectedly; the operators can find reference "
                + reference + " in its log", null).build());
    }

    /** The problem in the dialect of the path it answers, headers kept; the problem itself where none applies. */
    private Response said(HttpServerRequest request, Response problem) {
        if (!(problem.getEntity() instanceof Problem refusal)) {
            return problem;
        }
        return RefusalDialect.first(dialects, request.path(), refusal).map(outcome -> Problems.withHeadersOf(problem,
                Response.status(refusal.status()).type(outcome.mediaType()).entity(outcome.body())).build())
                .orElse(problem);
    }

    private static Response unauthorized() {
        return Problems.answer(401, "A valid bearer token is required", "Authorization")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static String detail(int status, HttpServerRequest request) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 404 -> "Nothing at " + request.path();
            case 405 -> request.method() + " is not allowed on " + request.path();
            case 406 -> "None of the accepted media types (" + request.getHeader(HttpHeaders.ACCEPT)
                    + ") can be produced here";
            case 413 -> "The request body is larger than this endpoint takes";
            case 415 -> request.getHeader(HttpHeaders.CONTENT_TYPE) == null
                    ? "The body has no Content-Type; say what it is"
                    : "Content-Type " + request.getHeader(HttpHeaders.CONTENT_TYPE) + " is not accepted here";
            default -> Problems.title(status);
        };
    }

    private static String field(int status) {
        return switch (status) {
            case 406 -> HttpHeaders.ACCEPT;
            case 415 -> HttpHeaders.CONTENT_TYPE;
            default -> null;
        };
    }

    private static String unreadableDetail(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException invalid
                && invalid.getCause() instanceof IllegalArgumentException) {
            return invalid.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            JsonMappingException mapping = (JsonMappingException) e;
            String field = path(mapping);
            return field == null ? "The body is not the JSON object expected"
                    : field + " has the wrong type or format";
        }
        if (e instanceof JsonMappingException mapping && path(mapping) != null) {
            return path(mapping) + " cannot be read";
        }
        return "The body is not well-formed JSON"
                + (e.getLocation() == null ? ""
                        : " (line " + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr() + ")");
    }

    private static String path(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return null;
        }
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
