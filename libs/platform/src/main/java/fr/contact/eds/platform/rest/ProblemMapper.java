package fr.contact.eds.platform.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

public class ProblemMapper {

    static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response map(ProblemException e) {
        Response.ResponseBuilder response = Response.status(e.problem().status()).type(PROBLEM_JSON)
                .entity(e.problem());
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return response.build();
    }
}
