package fr.contact.eds.platform.health;

import fr.contact.eds.platform.axon.AxonRuntime;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the shared event store answers. */
@Readiness
@Singleton
public class EventStoreHealthCheck implements HealthCheck {

    @Inject
    AxonRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("event-store").up().withData("head", runtime.engine().headPosition())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("event-store").down().withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
