package fr.contact.eds.platform.rest;

/** Thrown by resources to answer with a problem body. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ProblemException(int status, String title, String detail, String field) {
        this(status, title, detail, field, null);
    }

    private ProblemException(int status, String title, String detail, String field, Integer retryAfterSeconds) {
        super(detail);
        this.problem = new Problem("about:blank", title, status, detail, field);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 503 with {@code Retry-After}: the answer would not be trustworthy yet, and will be soon. */
    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(503, "Service Unavailable", detail, null, retryAfterSeconds);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail, null);
    }

    /** 409: the request is valid but cannot take effect in the current state, which the detail names. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, null);
    }

    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(400, "Bad Request", detail, field);
    }

    public Problem problem() {
        return problem;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
