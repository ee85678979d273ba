package fr.contact.eds.devstore.crash;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM started from the test's class path, waited for until it prints its ready line, killed with SIGKILL. */
final class Child {

    /** Every child still alive when the test JVM ends is killed with it: a failed run leaves nothing behind. */
    private static final java.util.Set<Process> STARTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Child::killAll));
    }

    private final Process process;

    private Child(Process process) {
        this.process = process;
        STARTED.add(process);
    }

    static void killAll() {
        STARTED.forEach(Process::destroyForcibly);
        STARTED.clear();
    }

    static Child start(Path log, String readyPrefix, Class<?> main, String... args) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var copy = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while ((line = out.readLine()) != null && !line.startsWith(readyPrefix)) {
            copy.println(line);
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        if (line == null || !line.startsWith(readyPrefix)) {
            process.destroyForcibly();
            throw new IllegalStateException(main.getSimpleName() + " did not start, see " + log);
        }
        Thread drain = new Thread(() -> {
            out.lines().forEach(copy::println);
            copy.close();
        });
        drain.setDaemon(true);
        drain.start();
        return new Child(process);
    }

    /** SIGKILL: no shutdown hook, no flush, nothing the process could still do. */
    void kill() throws InterruptedException {
        STARTED.remove(process);
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }
}
