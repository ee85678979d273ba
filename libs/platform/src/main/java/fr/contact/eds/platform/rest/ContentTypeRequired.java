package fr.contact.eds.platform.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A body without a Content-Type is refused: the framework would otherwise read it as whatever the endpoint takes,
 * so a client sending the wrong thing would be answered as if it had sent the right one.
 */
public class ContentTypeRequired {

    private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @ServerRequestFilter
    public void requireContentType(HttpServerRequest request) {
        if (request.getHeader(HttpHeaders.CONTENT_TYPE) == null && hasBody(request)) {
            throw new NotSupportedException();
        }
    }

    private static boolean hasBody(HttpServerRequest request) {
        if (!BODY_METHODS.contains(request.method())) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        // An HTTP/2 stream may carry a body without announcing its length; it cannot be told from an empty one
        // before reading it, and an empty POST (a probe, a replay) needs no Content-Type: such bodies pass here.
        return length != null ? !"0".equals(length.strip()) : request.getHeader("Transfer-Encoding") != null;
    }
}
