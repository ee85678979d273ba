package fr.contact.eds.devstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.contact.eds.eventstore.CommitLogEventStorageEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLogCommandTest {

    record NotedEvent(int index) {}

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
    private final String database = "events-" + UUID.randomUUID();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    private int run(String... args) {
        printed.reset();
        return EventLogCommand.run(List.of(args), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private void appendTen() {
        var db = MongoClients.create(uri).getDatabase(database)
                .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        var serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
        var engine = CommitLogEventStorageEngine.builder().database(db).eventSerializer(serializer)
                .snapshotSerializer(serializer).watchCommits(false).build();
        for (int i = 0; i < 10; i++) {
            engine.appendEvents(GenericEventMessage.asEventMessage(new NotedEvent(i)).andMetaData(Map.of()));
        }
    }

    @Test
    void saysTheLogIsIntactWhenItIs() {
        appendTen();

        assertThat(run(uri, database, "check")).isZero();
        assertThat(printed()).contains("10 commits, 10 events, head at position 9").contains("intact");
    }

    @Test
    void namesAHoleWithTheCommitsAroundItThenFillsIt() {
        appendTen();
        MongoClients.create(uri).getDatabase(database).getCollection("eventCommits")
                .deleteMany(Filters.in("_id", List.of(3L, 4L)));

        assertThat(run(uri, database, "check")).isEqualTo(1);
        assertThat(printed()).contains("found HOLE at positions 3..4 (before: commit 2..2 of 1 events")
                .contains("after: commit 5..5").contains("NOT intact");

        assertThat(run(uri, database, "fill-hole", "3", "4", "lost", "in", "a", "test")).isZero();
        assertThat(printed()).contains("filled positions 3..4").contains("intact");
    }

    @Test
    void tellsWhatToDoAboutARecordedFaultAndResolvesIt() {
        appendTen();
        MongoClients.create(uri).getDatabase(database).getCollection("eventStoreFaults").insertOne(
                new org.bson.Document("_id", "LOST_TAIL:10").append("kind", "LOST_TAIL").append("first", 10L)
                        .append("last", 12L).append("detail", "made by a test")
                        .append("detectedAt", new java.util.Date()));

        assertThat(run(uri, database, "check")).isEqualTo(1);
        assertThat(printed()).contains("fault LOST_TAIL:10").contains("reset the processors");
        assertThat(run(uri, database, "resolve", "LOST_TAIL:10", "episodes", "rebuilt")).isZero();
        assertThat(run(uri, database, "check")).isZero();
    }
}
