package fr.contact.eds.platform.rest;

import fr.contact.eds.platform.api.DeliveryProbeSentEvent;
import fr.contact.eds.platform.config.PlatformConfig;
import fr.contact.eds.platform.probe.DeliveryProbeProjection;
import fr.contact.eds.platform.probe.DeliveryProbeReceipt;
import fr.contact.eds.platform.security.Roles;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Operators send a probe through the shared event store from any service and ask every service whether
 * it arrived, how fast, and in which trace: an end-to-end check of cross-service delivery.
 */
@Path("/admin/probes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class DeliveryProbeResource {

    public record SentProbe(String probeId, String sentBy, Instant sentAt, String traceId) {}

    private final EventStore eventStore;
    private final DeliveryProbeProjection projection;
    private final PlatformConfig config;

    public DeliveryProbeResource(EventStore eventStore, DeliveryProbeProjection projection, PlatformConfig config) {
        this.eventStore = eventStore;
        this.projection = projection;
        this.config = config;
    }

    @POST
    public SentProbe send() {
        var event = new DeliveryProbeSentEvent(UUID.randomUUID().toString(), config.service(), Instant.now());
        eventStore.publish(GenericEventMessage.asEventMessage(event));
        return new SentProbe(event.probeId(), event.sentBy(), event.sentAt(),
                Span.current().getSpanContext().getTraceId());
    }

    @GET
    @Path("/{probeId}")
    public DeliveryProbeReceipt receipt(@PathParam("probeId") String probeId) {
        return projection.receipt(probeId)
                .orElseThrow(
                        () -> ProblemException.notFound("Probe " + probeId + " has not reached " + config.service()));
    }
}
