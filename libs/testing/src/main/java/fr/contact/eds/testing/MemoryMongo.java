package fr.contact.eds.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-memory MongoDB-protocol server for tests of read models and stores without Quarkus: one per test JVM,
 * a fresh database per call, so tests never see each other's data.
 */
public final class MemoryMongo {

    private static MongoClient client;

    private MemoryMongo() {}

    public static synchronized MongoDatabase freshDatabase(String prefix) {
        if (client == null) {
            MongoServer server = new MongoServer(new MemoryBackend());
            var address = server.bind();
            client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        }
        return client.getDatabase(prefix + "-" + System.nanoTime());
    }
}
