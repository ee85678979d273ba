package fr.contact.eds.devstore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import fr.contact.eds.localkeys.LocalKeys;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local runtime's helpers, one command each:
 * {@code store <dataDir> <host> <port>} runs a file-backed MongoDB-protocol server with change streams;
 * {@code keys <dir>} creates the local token-signing key pair once;
 * {@code token <dir> <role> [subject] [claim=value...]} prints a locally signed JWT;
 * {@code log <mongodb-uri> check | fill-hole | resolve} checks and repairs the shared event log.
 */
public final class DevStore {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "store" -> store(rest);
            case "keys" -> LocalKeys.ensure(Path.of(rest.get(0)));
            case "token" -> System.out.println(token(rest));
            case "realm" -> LocalRealm.write(Path.of(rest.get(0)), Path.of(rest.get(1)), Path.of(rest.get(2)));
            case "jwks" -> TrustedKeys.write(Path.of(rest.get(0)), java.net.URI.create(rest.get(1)),
                    Path.of(rest.get(2)));
            case "log" -> {
                try {
                    System.exit(EventLogCommand.run(rest, System.out));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    System.err.println("log: " + e.getMessage());
                    System.exit(2);
                }
            }
            default -> usage();
        }
    }

    private static void store(List<String> args) throws IOException, InterruptedException {
        Path dataDir = Path.of(args.get(0));
        Files.createDirectories(dataDir);
        // No oplog, hence no change streams: mongo-java-server rescans its whole oplog on every change-stream poll,
        // so a long-running store slowed down with each write. Services poll the log head instead (a key lookup).
        // Answers only once what they wrote or read is on disk: a killed store keeps every acknowledged write.
        H2Backend backend = DurableH2Backend.open(dataDir.resolve("contact.mv"));
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(args.get(1), Integer.parseInt(args.get(2)));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof BindException || e instanceof IllegalStateException) {
                System.err.println("store: cannot listen on " + args.get(1) + ":" + args.get(2) + " (port in use?)");
                System.exit(3);
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            backend.close();
            stopped.countDown();
        }));
        System.out.println("store: listening on " + args.get(1) + ":" + args.get(2) + ", data in " + dataDir);
        stopped.await();
    }

    private static String token(List<String> args) throws Exception {
        if (args.size() < 2) {
            usage();
        }
        LocalKeys keys = LocalKeys.ensure(Path.of(args.get(0)));
        String role = args.get(1);
        String subject = args.size() > 2 && !args.get(2).contains("=") ? args.get(2) : "local-" + role;
        var claims = new java.util.LinkedHashMap<String, String>();
        args.stream().skip(2).filter(a -> a.contains("=")).forEach(a -> {
            int eq = a.indexOf('=');
            claims.put(a.substring(0, eq), a.substring(eq + 1));
        });
        return keys.sign(subject, List.of(role), claims, 8 * 3600);
    }

    private static void usage() {
        System.err.println(
                "usage: devstore store <dataDir> <host> <port> | keys <dir> | token <dir> <role> [subject] [claim=value...]"
                        + " | realm <realm-file> <dir> <output> | jwks <dir> <provider-jwks-url> <output>"
                        + " | log <mongodb-uri> check | fill-hole FIRST LAST REASON | resolve FAULT_ID HOW");
        System.exit(2);
    }

    private DevStore() {}
}
