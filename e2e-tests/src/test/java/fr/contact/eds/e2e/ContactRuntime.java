package fr.contact.eds.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Drives {@code ./contact} with its own state directory and free ports, never building. */
final class ContactRuntime {

    /** The event-sourced services: they share the store and answer delivery probes. */
    static final List<String> SERVICES = List.of("consent", "ingestion", "episodes", "audit", "catalog");
    /** Every process {@code ./contact up} starts besides the store: the services and the portal. */
    static final List<String> PROCESSES = List.of("consent", "ingestion", "episodes", "audit", "catalog", "portal");

    record Result(int exitCode, String output) {}

    private final Path root;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Set<Integer> chosen = new HashSet<>();

    ContactRuntime(Path state) throws IOException {
        this(state, Map.of());
    }

    /** With {@code replicas} more instances of some services, named {@code <service>-<n>} from 2. */
    ContactRuntime(Path state, Map<String, Integer> replicas) throws IOException {
        this.root = Path.of(System.getProperty("contact.root", "..")).toAbsolutePath().normalize();
        environment.put("CONTACT_STATE_DIR", state.toString());
        environment.put("CONTACT_SKIP_BUILD", "1");
        environment.put("CONTACT_STORE_PORT", String.valueOf(freePort()));
        environment.put("CONTACT_KEYCLOAK_PORT", String.valueOf(freePort()));
        for (String service : PROCESSES) {
            int port = freePort();
            ports.put(service, port);
            environment.put("CONTACT_" + service.toUpperCase() + "_PORT", String.valueOf(port));
            int management = freePort();
            managementPorts.put(service, management);
            environment.put("CONTACT_" + service.toUpperCase() + "_MANAGEMENT_PORT", String.valueOf(management));
            for (int n = 2; n <= replicas.getOrDefault(service, 1); n++) {
                String instance = service + "-" + n;
                String variable = "CONTACT_" + service.toUpperCase() + "_" + n;
                ports.put(instance, freePort());
                managementPorts.put(instance, freePort());
                environment.put(variable + "_PORT", String.valueOf(ports.get(instance)));
                environment.put(variable + "_MANAGEMENT_PORT", String.valueOf(managementPorts.get(instance)));
            }
        }
    }

    /** Where the instance's state directory keeps its process id, for killing it as a node failure would. */
    long pid(String instance) throws IOException {
        return Long.parseLong(Files.readString(Path.of(environment.get("CONTACT_STATE_DIR"), "run",
                instance + ".pid")).strip());
    }

    Path root() {
        return root;
    }

    /** A service's (or an instance's: {@code episodes-2}) API. */
    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Where the service answers health and metrics. */
    String managementUrl(String service) {
        return "http://127.0.0.1:" + managementPorts.get(service);
    }

    int port(String service) {
        return ports.get(service);
    }

    /** A locally signed token from {@code ./contact token}, with {@code claims} as {@code k=v}. */
    String token(String role, String subject, String... claims) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("token", "--role", role, "--sub", subject));
        for (String claim : claims) {
            args.addAll(List.of("--claim", claim));
        }
        Result token = run(args.toArray(String[]::new));
        if (token.exitCode() != 0) {
            throw new IllegalStateException("./contact token failed: " + token.output());
        }
        return token.output().strip();
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("contact").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().remove("MONGODB_URI");
        builder.environment().putAll(environment);
        Path output = Files.createTempFile("contact-", ".out");
        Process process = builder.redirectOutput(output.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./contact " + String.join(" ", args) + " did not finish");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        return new Result(process.exitValue(), text);
    }

    /**
     * A port nobody listens on, below the kernel's ephemeral range: a port the kernel handed out for a listener is
     * also what it hands to outgoing connections, and the services' own connections to the store could take it
     * between this choice and the instance's start (the likeliest cause of a CI run whose last instance died while
     * starting, with a dozen JVMs connecting to the store).
     */
    private int freePort() throws IOException {
        int lowestEphemeral = lowestEphemeralPort();
        for (int attempt = 0; lowestEphemeral > 11_000 && attempt < 1000; attempt++) {
            int port = 10_000 + ThreadLocalRandom.current().nextInt(lowestEphemeral - 10_000);
            if (chosen.add(port) && bindable(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) { // no room below the ephemeral range: the kernel's choice
            return socket.getLocalPort();
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int lowestEphemeralPort() {
        try {
            // Read line by line: /proc files report no size, and Files.readString then stops after one byte.
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0)
                    .strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
