package fr.contact.eds.portal.consent;

/** Consent refused the request and said why, naming the field: the page shows it beside what the person typed. */
public class ConsentRefused extends RuntimeException {

    private final int status;
    private final String field;

    public ConsentRefused(int status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
