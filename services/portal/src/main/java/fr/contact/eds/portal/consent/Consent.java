package fr.contact.eds.portal.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.contact.eds.portal.web.ServiceUnavailable;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The consent service as the patient's pages need it: a refusal (4xx with a problem body) becomes
 * {@link ConsentRefused} naming the field, anything else that fails (a token consent no longer accepts included)
 * becomes {@link ServiceUnavailable}.
 */
@Singleton
public class Consent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConsentApi api;

    public Consent(@RestClient ConsentApi api) {
        this.api = api;
    }

    public ConsentStatus status() {
        return call(api::status);
    }

    public ConsentStatus childStatus(ChildIdentity child) {
        return call(() -> api.childStatus(new ConsentApi.ForWhom(child)));
    }

    public Receipt oppose(ChildIdentity child) {
        return call(() -> api.oppose(new ConsentApi.ForWhom(child)));
    }

    public Receipt withdraw(ChildIdentity child) {
        return call(() -> api.withdraw(new ConsentApi.ForWhom(child)));
    }

    public Receipt erase(ChildIdentity child) {
        return call(() -> api.erase(new ConsentApi.ForWhom(child)));
    }

    public Receipt opposeProject(String projectId, ChildIdentity child) {
        return call(() -> api.opposeProject(new ConsentApi.ProjectDecision(projectId, child)));
    }

    public Receipt withdrawProject(String projectId, ChildIdentity child) {
        return call(() -> api.withdrawProject(new ConsentApi.ProjectDecision(projectId, child)));
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            // 403 included: consent refuses, with its reason, an adult named as someone's child.
            if (status >= 400 && status < 500 && status != 401) {
                JsonNode problem = problemOf(e);
                throw new ConsentRefused(status, problem.path("field").asText(null),
                        problem.path("detail").asText("refused"));
            }
            throw new ServiceUnavailable("consent", e);
        } catch (ProcessingException e) {
            throw new ServiceUnavailable("consent", e);
        }
    }

    private static JsonNode problemOf(WebApplicationException e) {
        try {
            return JSON.readTree(e.getResponse().readEntity(String.class));
        } catch (RuntimeException | java.io.IOException unreadable) {
            return JSON.createObjectNode();
        }
    }
}
