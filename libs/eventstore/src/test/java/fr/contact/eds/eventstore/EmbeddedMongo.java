package fr.contact.eds.eventstore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * mongo-java-server in this JVM, with change streams enabled. Register it as a static
 * {@code @RegisterExtension} field to stop it after the test class, or close it yourself.
 */
final class EmbeddedMongo implements AutoCloseable, AfterAllCallback {

    private final MongoServer server;
    private final String connectionString;

    EmbeddedMongo() {
        MemoryBackend backend = new MemoryBackend();
        backend.enableOplog();
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        connectionString = "mongodb://127.0.0.1:" + address.getPort();
    }

    String connectionString() {
        return connectionString;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Nested classes inherit the extension: stop only after the outermost class.
        if (!context.getRequiredTestClass().isAnnotationPresent(Nested.class)) {
            close();
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
