package fr.contact.eds.platform.health;

import fr.contact.eds.eventstore.LogFault;
import fr.contact.eds.platform.axon.AxonRuntime;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the shared event store answers and its log is intact: with a hole, an overlap or a lost tail
 * the processors are stopped, so every read model is stale and the service must not look healthy.
 */
@Readiness
@Singleton
public class EventStoreHealthCheck implements HealthCheck {

    private final AxonRuntime runtime;

    public EventStoreHealthCheck(AxonRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            long head = runtime.engine().headPosition();
            List<LogFault> faults = runtime.engine().integrityFaults();
            var response = HealthCheckResponse.named("event-store").withData("head", head)
                    .withData("integrityFaults", faults.size());
            for (LogFault fault : faults) {
                response.withData(fault.faultId(), fault.describe());
            }
            return response.status(faults.isEmpty()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("event-store").down().withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
