package fr.contact.eds.consent.erasure;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fr.contact.eds.consent.api.ErasureRequestConfirmedEvent;
import fr.contact.eds.consent.api.ErasureRequestRefusedEvent;
import fr.contact.eds.consent.api.ErasureRequestedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.bson.Document;

/**
 * The erasure requests the DPO office has to decide, by reference: a parent's letter quotes it. Whether a request
 * is still pending for a patient is read from the patient's own stream, so no key is destroyed on a stale answer.
 */
@ProcessingGroup(ErasureRequests.PROCESSOR)
public class ErasureRequests {

    public static final String PROCESSOR = "consent-erasure-requests";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final String PATIENT = "patientPseudonym";

    private final MongoCollection<Document> requests;
    private final Supplier<EventStore> eventStore;

    public ErasureRequests(MongoDatabase database, Supplier<EventStore> eventStore) {
        this.requests = database.getCollection("erasureRequests");
        this.eventStore = eventStore;
    }

    /** One request as the DPO office sees it: no identity, no pseudonym, only what the letter will quote. */
    public record ErasureRequest(String reference, String status, Instant requestedAt, Instant decidedAt,
            String erasureReference, String reason, PatientPseudonym patientPseudonym) {}

    @EventHandler
    void on(ErasureRequestedEvent event) {
        if (event.reference() == null) {
            return; // nothing a letter could quote
        }
        requests.updateOne(Filters.eq("_id", event.reference()), Updates.combine(
                Updates.setOnInsert("status", "pending"),
                Updates.set(PATIENT, PatientPseudonym.valueOf(event.patientPseudonym())),
                Updates.set("requestedAt", date(event.requestedAt()))), UPSERT);
    }

    @EventHandler
    void on(ErasureRequestConfirmedEvent event) {
        decided(event.reference(), "confirmed", event.confirmedAt(),
                Updates.set("erasureReference", event.erasureReference()));
    }

    @EventHandler
    void on(ErasureRequestRefusedEvent event) {
        decided(event.reference(), "refused", event.refusedAt(), Updates.set("reason", event.reason()));
    }

    public List<ErasureRequest> withStatus(String status) {
        List<ErasureRequest> found = new ArrayList<>();
        requests.find(Filters.eq("status", status)).sort(Sorts.ascending("requestedAt"))
                .forEach(d -> found.add(view(d)));
        return found;
    }

    public Optional<ErasureRequest> byReference(String reference) {
        return Optional.ofNullable(requests.find(Filters.eq("_id", reference)).first()).map(ErasureRequests::view);
    }

    /** Whether {@code reference} is the request waiting for this patient now, from their own stream. */
    public boolean pendingFor(String reference, PatientPseudonym patientPseudonym) {
        AtomicReference<String> pending = new AtomicReference<>();
        eventStore.get().readEvents(patientPseudonym.value()).asStream().map(Message::getPayload).forEach(payload -> {
            if (payload instanceof ErasureRequestedEvent e) {
                pending.set(e.reference());
            } else if (payload instanceof ErasureRequestConfirmedEvent
                    || payload instanceof ErasureRequestRefusedEvent) {
                pending.set(null);
            }
        });
        return reference != null && reference.equals(pending.get());
    }

    private void decided(String reference, String status, Instant at, org.bson.conversions.Bson detail) {
        if (reference == null) {
            return;
        }
        requests.updateOne(Filters.eq("_id", reference), Updates.combine(Updates.set("status", status),
                Updates.set("decidedAt", date(at)), detail), UPSERT);
    }

    private static ErasureRequest view(Document d) {
        return new ErasureRequest(d.getString("_id"), d.getString("status"), instant(d.getDate("requestedAt")),
                instant(d.getDate("decidedAt")), d.getString("erasureReference"), d.getString("reason"),
                PatientPseudonym.ofNullable(d.getString(PATIENT)));
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Instant instant(Date at) {
        return at == null ? null : at.toInstant();
    }
}
