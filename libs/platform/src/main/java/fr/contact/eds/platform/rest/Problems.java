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

    /** Carries {@code from}'s headers (a challenge, an Allow list) over to another answer, but not its media type. */
    public static Response.ResponseBuilder withHeadersOf(Response from, Response.ResponseBuilder answer) {
        from.getHeaders().forEach((name, values) -> {
            if (!jakarta.ws.rs.core.HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer;
    }

    public static Response.ResponseBuilder answer(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem);
    }
}
