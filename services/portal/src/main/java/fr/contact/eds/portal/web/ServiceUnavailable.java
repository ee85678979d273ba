package fr.contact.eds.portal.web;

/** A service the page needs did not answer, or answered with an error the visitor can do nothing about. */
public class ServiceUnavailable extends RuntimeException {

    private final String service;

    public ServiceUnavailable(String service, Throwable cause) {
        super(service + " did not answer: " + cause.getMessage(), cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
