package fr.contact.eds.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.contact.eds.localkeys.LocalKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A Quarkus test's surroundings: an in-memory MongoDB-protocol server with change streams, and the
 * public key that verifies {@link TestTokens}.
 */
public class ContactTestResource implements QuarkusTestResourceLifecycleManager {

    private MongoServer server;

    @Override
    public Map<String, String> start() {
        MemoryBackend backend = new MemoryBackend();
        backend.enableOplog();
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        return Map.of(
                "quarkus.mongodb.connection-string", "mongodb://127.0.0.1:" + address.getPort(),
                "mp.jwt.verify.publickey.location", "file:" + TestTokens.keys().publicKeyFile().toAbsolutePath(),
                "mp.jwt.verify.issuer", LocalKeys.issuer());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
