package fr.contact.eds.pseudonymisation;

/** An identity that cannot be pseudonymised; {@code field} names the faulty input. */
public class InvalidIdentityException extends IllegalArgumentException {

    private final String field;

    public InvalidIdentityException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
