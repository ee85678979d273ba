package fr.contact.eds.platform.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

public class ProblemMapper {

    @ServerExceptionMapper
    public Response map(ProblemException e) {
        Response.ResponseBuilder response = Problems.answer(e.problem());
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return response.build();
    }
}
