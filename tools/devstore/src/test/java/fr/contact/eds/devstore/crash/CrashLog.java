package fr.contact.eds.devstore.crash;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fr.contact.eds.eventstore.CommitLogEngineBuilder;
import fr.contact.eds.eventstore.CommitLogEventStorageEngine;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.serialization.json.JacksonSerializer;

/** What the crash test's writers, readers and checks share: the payload, the client, the engine, line files. */
final class CrashLog {

    record CrashTestedEvent(String writer, long unit, int index) {}

    static final String DATABASE = "crash";

    private CrashLog() {}

    /** A client that gives up quickly on a dead store, so a writer or reader retries instead of hanging. */
    static MongoDatabase database(String port) {
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port
                + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000&socketTimeoutMS=5000");
        return client.getDatabase(DATABASE).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    static CommitLogEventStorageEngine engine(MongoDatabase database, CommitLogEngineBuilder builder) {
        var serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper().findAndRegisterModules()).build();
        return builder.database(database).eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    /** The file's complete lines; a line cut by a kill in the middle of writing it is dropped from the file too. */
    static List<String> completeLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(end);
            }
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).lines().toList();
    }
}
