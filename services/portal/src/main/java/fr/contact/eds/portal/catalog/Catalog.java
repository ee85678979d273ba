package fr.contact.eds.portal.catalog;

import fr.contact.eds.portal.web.ServiceUnavailable;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The catalog as the pages need it: an unknown project is absent, and a catalog that cannot answer is one clear
 * failure ({@link ServiceUnavailable}) the pages turn into a "try again later" page, never a stack trace.
 */
@Singleton
public class Catalog {

    private final CatalogApi api;

    public Catalog(@RestClient CatalogApi api) {
        this.api = api;
    }

    public List<RegisterEntry> register() {
        return call(api::projects);
    }

    public Optional<RegisterEntry> project(String projectId) {
        try {
            return Optional.of(api.project(projectId));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw new ServiceUnavailable("catalog", e);
        } catch (ProcessingException e) {
            throw new ServiceUnavailable("catalog", e);
        }
    }

    public List<DatasetDescription> datasets() {
        return call(api::datasets);
    }

    public String datasetsAs(String mediaType) {
        return call(() -> api.datasetsAs(mediaType));
    }

    public StatisticsTable statistics(String from, String to, String groupBy) {
        return call(() -> api.statistics(from, to, groupBy));
    }

    private static <T> T call(Supplier<T> request) {
        return ServiceUnavailable.whenCalling("catalog", request);
    }
}
