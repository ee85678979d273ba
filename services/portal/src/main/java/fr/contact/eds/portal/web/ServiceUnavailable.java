package fr.contact.eds.portal.web;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;

/** A service the page needs did not answer, or answered with an error the visitor can do nothing about. */
public class ServiceUnavailable extends RuntimeException {

    private final String service;

    public ServiceUnavailable(String service, Throwable cause) {
        super(service + " did not answer: " + cause.getMessage(), cause);
        this.service = service;
    }

    /** Calls a service; anything but an answer (an error status, no connection, an unreadable body) is this. */
    public static <T> T whenCalling(String service, Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException | ProcessingException e) {
            throw new ServiceUnavailable(service, e);
        }
    }

    public String service() {
        return service;
    }
}
