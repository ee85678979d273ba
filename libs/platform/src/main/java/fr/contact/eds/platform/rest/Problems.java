package fr.contact.eds.platform.rest;

import jakarta.ws.rs.core.Response;

/** Builds problem answers, so that every refusal of every service has the same shape. */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {}

    public static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    public static Response.ResponseBuilder answer(int status, String detail, String field) {
        return answer(new Problem("about:blank", title(status), status, detail, field));
    }

    public static Response.ResponseBuilder answer(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem);
    }
}
