package fr.contact.eds.platform.rest;

/** Thrown by resources to answer with a problem body. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(int status, String title, String detail, String field) {
        super(detail);
        this.problem = new Problem("about:blank", title, status, detail, field);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail, null);
    }

    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(400, "Bad Request", detail, field);
    }

    public Problem problem() {
        return problem;
    }
}
