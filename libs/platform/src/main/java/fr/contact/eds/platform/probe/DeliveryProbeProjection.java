package fr.contact.eds.platform.probe;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import fr.contact.eds.platform.api.DeliveryProbeSentEvent;
import fr.contact.eds.platform.config.PlatformConfig;
import io.opentelemetry.api.trace.Span;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

/** Every service keeps a receipt of each delivery probe in its own database. */
@Singleton
@ProcessingGroup(DeliveryProbeProjection.PROCESSOR)
public class DeliveryProbeProjection {

    public static final String PROCESSOR = "delivery-probes";

    private final MongoCollection<Document> receipts;
    private final String service;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public DeliveryProbeProjection(MongoDatabase readModel, PlatformConfig config) {
        this.receipts = readModel.getCollection("deliveryProbes");
        this.service = config.service();
    }

    @EventHandler
    void on(DeliveryProbeSentEvent event) {
        Instant received = clock.instant();
        String traceId = Span.current().getSpanContext().isValid() ? Span.current().getSpanContext().getTraceId()
                : null;
        Document receipt = new Document("_id", event.probeId())
                .append("sentBy", event.sentBy())
                .append("sentAt", Date.from(event.sentAt()))
                .append("receivedAt", Date.from(received))
                .append("delayMillis", Duration.between(event.sentAt(), received).toMillis())
                .append("traceId", traceId);
        receipts.replaceOne(Filters.eq("_id", event.probeId()), receipt, new ReplaceOptions().upsert(true));
    }

    public Optional<DeliveryProbeReceipt> receipt(String probeId) {
        return Optional.ofNullable(receipts.find(Filters.eq("_id", probeId)).first()).map(d -> new DeliveryProbeReceipt(
                probeId, service, d.getString("sentBy"), d.getDate("sentAt").toInstant(),
                d.getDate("receivedAt").toInstant(), d.getLong("delayMillis"), d.getString("traceId")));
    }
}
