package fr.contact.eds.platform.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
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
        if (length != null) {
            return !"0".equals(length.strip());
        }
        // HTTP/2 frames a body without announcing its length: there, a stream still open after its headers has one.
        return request.getHeader("Transfer-Encoding") != null
                || request.version() == HttpVersion.HTTP_2 && !request.isEnded();
    }
}
