package fr.contact.eds.portal.web;

/** A query parameter the page cannot read: answered 400 with a page that names it. */
public class BadParameter extends RuntimeException {

    private final String parameter;

    public BadParameter(String parameter, String value) {
        super("The parameter " + parameter + " cannot be read: " + value);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
