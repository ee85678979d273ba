package fr.contact.eds.platform.access;

import fr.contact.eds.platform.api.AccessOrigin;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The origin of the request being served, for the audit trail: IHE BALP wants the client and server agents with
 * their network addresses, and a search's raw request. Outside a request (a background job) there is none.
 */
@Singleton
public class RequestOrigins {

    /** Far above any URI the HTTP layer accepts, so only something already refused could be cut. */
    static final int MAX_REQUEST_LINE = 8192;

    private final Instance<CurrentVertxRequest> request;
    private final Instance<JsonWebToken> token;

    @Inject
    public RequestOrigins(Instance<CurrentVertxRequest> request, Instance<JsonWebToken> token) {
        this.request = request;
        this.token = token;
    }

    public AccessOrigin current() {
        ManagedContext context = Arc.container() == null ? null : Arc.container().requestContext();
        if (context == null || !context.isActive() || !request.isResolvable()) {
            return null;
        }
        RoutingContext routing = request.get().getCurrent();
        if (routing == null) {
            return null;
        }
        HttpServerRequest http = routing.request();
        String line = http.method().name() + " " + http.uri();
        return new AccessOrigin(client(), http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(),
                server(http), line.length() > MAX_REQUEST_LINE ? line.substring(0, MAX_REQUEST_LINE) : line);
    }

    /** Keycloak names the client a token was issued to in {@code azp}; other providers in {@code client_id}. */
    private String client() {
        if (!token.isResolvable() || token.get().getRawToken() == null) {
            return null;
        }
        String azp = token.get().getClaim("azp");
        return azp != null ? azp : token.get().getClaim("client_id");
    }

    private static String server(HttpServerRequest http) {
        HostAndPort authority = http.authority();
        if (authority != null) {
            return authority.host();
        }
        return http.localAddress() == null ? null : http.localAddress().hostAddress();
    }
}
