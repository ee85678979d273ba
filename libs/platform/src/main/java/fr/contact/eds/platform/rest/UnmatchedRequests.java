package fr.contact.eds.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What no resource answers still gets a problem body: a route nobody serves (where the HTTP layer would answer an
 * empty or HTML 404) and a body over the size limit (refused before any resource sees it).
 */
@ApplicationScoped
public class UnmatchedRequests {

    private final long maxBodyBytes;
    private final Instance<RefusalDialect> dialects;
    private final ObjectMapper json;

    UnmatchedRequests(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize,
            Instance<RefusalDialect> dialects, ObjectMapper json) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.dialects = dialects;
        this.json = json;
    }

    void install(@Observes Router router) {
        // Ahead of the HTTP layer's own check, which answers an announced oversize body with an empty 413.
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (announcedLength(context) > maxBodyBytes) {
                // The unread body would otherwise be taken for the next request on this connection.
                context.response().putHeader(HttpHeaders.CONNECTION, "close")
                        .endHandler(ended -> context.request().connection().close());
                answer(context, 413, "The request body is larger than this service takes (" + maxBodyBytes
                        + " bytes)");
            } else {
                context.next();
            }
        });
        router.route().order(Integer.MAX_VALUE)
                .handler(context -> answer(context, 404, "Nothing at " + context.request().path()));
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                answer(context, 413, "The request body is larger than this service takes");
            } else {
                context.next();
            }
        });
    }

    private static long announcedLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void answer(RoutingContext context, int status, String detail) {
        Problem problem = new Problem("about:blank", Problems.title(status), status, detail, null);
        String path = context.request().path();
        RefusalDialect.Said said = RefusalDialect.first(dialects, path, problem)
                .orElseGet(() -> new RefusalDialect.Said(Problems.PROBLEM_JSON, problemJson(problem)));
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, said.mediaType())
                .end(said.body());
    }

    private String problemJson(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
    }
}
