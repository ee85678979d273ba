package fr.contact.eds.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.contact.eds.platform.axon.ProcessorStatus;
import fr.contact.eds.platform.axon.Processors;
import fr.contact.eds.platform.axon.StandbyProcessors;
import fr.contact.eds.platform.config.PlatformConfig;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class ProcessorLagHealthCheckTest {

    private HealthCheckResponse checkWith(ProcessorStatus... statuses) {
        return checkWith(List.of(), statuses);
    }

    @SuppressWarnings("unchecked")
    private HealthCheckResponse checkWith(List<String> onStandby, ProcessorStatus... statuses) {
        StandbyProcessors standby = () -> java.util.Set.copyOf(onStandby);
        Instance<StandbyProcessors> standbys = mock(Instance.class);
        when(standbys.stream()).thenAnswer(i -> java.util.stream.Stream.of(standby));
        Processors processors = mock(Processors.class);
        PlatformConfig config = mock(PlatformConfig.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
        when(config.processors().maxLag()).thenReturn(100L);
        when(processors.statuses()).thenReturn(List.of(statuses));
        return new ProcessorLagHealthCheck(processors, config, standbys).call();
    }

    private static ProcessorStatus status(String name, boolean running, long lag) {
        return new ProcessorStatus(name, running, false, 2, OptionalLong.of(1000 - lag), 1000, lag, 0);
    }

    @Test
    void isUpWhileEveryProcessorRunsWithinTheAllowedLag() {
        assertThat(checkWith(status("a", true, 100), status("b", true, 0)).getStatus())
                .isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void goesDownWhenAProcessorFallsFurtherBehindThanAllowed() {
        var response = checkWith(status("a", true, 0), status("b", true, 101));
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).get().satisfies(d -> assertThat(d).containsEntry("b.lag", 101L));
    }

    @Test
    void goesDownWhileAProcessorHoldsDeadLetters() {
        var response = checkWith(status("a", true, 0),
                new ProcessorStatus("episodes", true, false, 2, OptionalLong.of(1000), 1000, 0, 3));
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).get().satisfies(d -> assertThat(d).containsEntry("episodes.deadLetters", 3L)
                .containsKey("episodes.problem"));
    }

    @Test
    void reportsButDoesNotGoDownForAProcessorOnStandby() {
        var response = checkWith(List.of("episodes-b"), status("episodes", true, 0),
                status("episodes-b", false, 5000));
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).get().satisfies(d -> assertThat(d).containsEntry("episodes-b.lag", 5000L)
                .containsEntry("episodes-b.standby", true));
        assertThat(checkWith(List.of("episodes-b"), status("episodes", false, 0)).getStatus())
                .as("the serving one still counts").isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void goesDownWhenAProcessorIsStopped() {
        assertThat(checkWith(status("a", false, 0)).getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }
}
