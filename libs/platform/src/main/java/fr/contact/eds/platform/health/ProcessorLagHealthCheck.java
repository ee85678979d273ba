package fr.contact.eds.platform.health;

import fr.contact.eds.platform.axon.ProcessorStatus;
import fr.contact.eds.platform.axon.Processors;
import fr.contact.eds.platform.axon.StandbyProcessors;
import fr.contact.eds.platform.config.PlatformConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a processor is stopped, further behind the event store's head than allowed, or holding dead
 * letters: a parked event (an opposition among them, perhaps) is missing from its read model, which may then show
 * what it must not. Fail closed until the dead letters are retried. A processor on {@linkplain StandbyProcessors
 * standby} serves no read yet and is only reported.
 */
@Readiness
@Singleton
public class ProcessorLagHealthCheck implements HealthCheck {

    private final Processors processors;
    private final PlatformConfig config;
    private final Instance<StandbyProcessors> standby;

    public ProcessorLagHealthCheck(Processors processors, PlatformConfig config, Instance<StandbyProcessors> standby) {
        this.processors = processors;
        this.config = config;
        this.standby = standby;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-processors").up();
        long maxLag = config.processors().maxLag();
        response.withData("maxLag", maxLag);
        try {
            Set<String> onStandby = standby.stream().flatMap(s -> s.onStandby().stream())
                    .collect(java.util.stream.Collectors.toSet());
            for (ProcessorStatus status : processors.statuses()) {
                response.withData(status.name() + ".lag", status.lag());
                response.withData(status.name() + ".deadLetters", status.deadLetters());
                if (onStandby.contains(status.name())) {
                    response.withData(status.name() + ".standby", true);
                    continue;
                }
                if (!status.running() || status.lag() > maxLag) {
                    response.down().withData(status.name() + ".running", status.running());
                }
                if (status.deadLetters() > 0) {
                    response.down().withData(status.name() + ".problem", status.deadLetters()
                            + " event sequence(s) parked as dead letters: its read model misses them until retried");
                }
            }
        } catch (RuntimeException e) {
            response.down().withData("error", String.valueOf(e.getMessage()));
        }
        return response.build();
    }
}
