package fr.contact.eds.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;

/** Payloads and message factories shared by the event store tests. */
final class TestEvents {

    record ThingHappenedEvent(String writer, long batch, int index) {}

    record AccessNotedEvent(String writer, long batch, int index) {}

    static final String AGGREGATE_TYPE = "Thing";

    private TestEvents() {}

    static JacksonSerializer serializer() {
        return JacksonSerializer.builder().objectMapper(new ObjectMapper().findAndRegisterModules()).build();
    }

    static MongoDatabase database(String connectionString, String name) {
        MongoClient client = MongoClients.create(connectionString);
        return client.getDatabase(name).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    static DomainEventMessage<ThingHappenedEvent> domain(String aggregate, long sequence, String writer, long batch,
            int index, Instant timestamp) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregate, sequence,
                new ThingHappenedEvent(writer, batch, index), Map.of("writer", writer),
                UUID.randomUUID().toString(), timestamp);
    }

    static EventMessage<AccessNotedEvent> free(String writer, long batch, int index, Instant timestamp) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), new AccessNotedEvent(writer, batch, index),
                Map.of("writer", writer), timestamp);
    }

    /** A batch of {@code size} events of one aggregate, starting at {@code firstSequence}. */
    static List<EventMessage<?>> aggregateBatch(String aggregate, long firstSequence, int size, String writer,
            long batch, Instant timestamp) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            events.add(domain(aggregate, firstSequence + i, writer, batch, i, timestamp));
        }
        return events;
    }
}
