package fr.contact.eds.devstore.crash;

import static org.assertj.core.api.Assertions.assertThat;

import fr.contact.eds.devstore.DevStore;
import fr.contact.eds.eventstore.CommitLogEventStorageEngine;
import fr.contact.eds.eventstore.CommitLogRepair;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local store, four writers and three tracking readers, each its own JVM, SIGKILLed at random while they work:
 * writers every few seconds, readers now and then, the store itself several times. One writer's clock is 5 s
 * behind. Whatever was acknowledged must survive, and every reader and a fresh replay must see one contiguous log,
 * in one order. {@code -Dcrash.seconds=300} runs the long version (writers killed every 10-22 s, the store 3 times).
 */
class StoreCrashTest {

    private static final int WRITERS = 4;
    private static final int READERS = 3;

    @TempDir
    Path dir;
    private final Random random = new Random();
    private String port;
    private Child store;
    private final Child[] writers = new Child[WRITERS];
    private final Child[] readers = new Child[READERS];
    private final int[] incarnations = new int[WRITERS];

    @AfterEach
    void killWhatIsLeft() {
        Child.killAll();
    }

    @Test
    void losesNoAcknowledgedEventAndLeavesNoHoleWhenEveryProcessIsKilled() throws Exception {
        long seconds = Long.getLong("crash.seconds", 40);
        boolean longRun = seconds >= 120;
        int storeKills = longRun ? 3 : 2;
        port = String.valueOf(freePort());
        startStore();
        for (int w = 0; w < WRITERS; w++) {
            startWriter(w);
        }
        for (int r = 0; r < READERS; r++) {
            startReader(r);
        }
        int writerKills = 0;
        int readerKills = 0;
        int storeKilled = 0;
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        long nextWriterKill = start + writerPause(longRun);
        long nextReaderKill = start + Duration.ofSeconds(seconds).toNanos() / 4;
        long nextStoreKill = start + Duration.ofSeconds(seconds).toNanos() / (storeKills + 1);
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (now >= nextWriterKill) {
                int w = random.nextInt(WRITERS);
                writers[w].kill();
                startWriter(w);
                writerKills++;
                nextWriterKill = now + writerPause(longRun);
            }
            if (now >= nextReaderKill) {
                int r = random.nextInt(READERS);
                readers[r].kill();
                startReader(r);
                readerKills++;
                nextReaderKill = now + Duration.ofSeconds(seconds).toNanos() / 3;
            }
            if (now >= nextStoreKill && storeKilled < storeKills) {
                store.kill();
                Thread.sleep(300 + random.nextInt(700));
                startStore();
                storeKilled++;
                nextStoreKill = now + Duration.ofSeconds(seconds).toNanos() / (storeKills + 1);
            }
            Thread.sleep(50);
        }
        for (Child writer : writers) {
            writer.kill();
        }

        var check = CrashLog.engine(CrashLog.database(port),
                CommitLogEventStorageEngine.builder().watchCommits(false).batchSize(500));
        List<? extends TrackedEventMessage<?>> log = check.readEvents(null, false).toList();
        long head = check.headPosition();
        awaitReaders(head, Duration.ofSeconds(90));
        for (Child reader : readers) {
            reader.kill();
        }

        Set<String> acknowledged = new HashSet<>();
        int conflicts = 0;
        for (Path acks : files("acks-")) {
            for (String line : CrashLog.completeLines(acks)) {
                if (line.startsWith("ack ")) {
                    acknowledged.addAll(Arrays.asList(line.substring(4).split(" ")));
                } else {
                    conflicts++;
                }
            }
        }
        List<String> stored = log.stream().map(TrackedEventMessage::getIdentifier).toList();
        Set<String> storedOnce = new HashSet<>(stored);
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(storedOnce);
        System.out.printf("crash test: %d s, %d events acknowledged, %d stored, %d lost, %d duplicated, "
                + "%d conflicts, store killed %d times, writers %d, readers %d%n", seconds, acknowledged.size(),
                stored.size(), lost.size(), stored.size() - storedOnce.size(), conflicts, storeKilled, writerKills,
                readerKills);

        assertThat(lost).as("acknowledged events absent after the kills").isEmpty();
        assertThat(stored).as("event ids stored twice").doesNotHaveDuplicates();
        assertThat(acknowledged).as("work done between the kills").hasSizeGreaterThan(500);
        assertThat(conflicts).as("shared aggregates conflicted").isPositive();
        assertThat(log).extracting(e -> e.trackingToken().position().getAsLong())
                .as("a fresh replay reads every position once, in order, up to the head")
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, head).boxed().toList());
        assertAggregateSequencesContiguous(log);
        List<String> expected = log.stream()
                .map(e -> e.trackingToken().position().getAsLong() + " " + e.getIdentifier()).toList();
        for (int r = 0; r < READERS; r++) {
            assertThat(CrashLog.completeLines(dir.resolve("reader-" + r + ".txt")))
                    .as("reader %d saw exactly the log, once, in its order", r).containsExactlyElementsOf(expected);
        }
        var report = new CommitLogRepair(CrashLog.database(port)).check();
        assertThat(report.findings()).as("holes or overlaps").isEmpty();
        assertThat(report.faults()).as("integrity faults recorded").isEmpty();
        store.kill();
    }

    private static void assertAggregateSequencesContiguous(List<? extends TrackedEventMessage<?>> log) {
        Map<String, Long> next = new HashMap<>();
        for (TrackedEventMessage<?> event : log) {
            if (event instanceof DomainEventMessage<?> domain) {
                long expected = next.getOrDefault(domain.getAggregateIdentifier(), 0L);
                assertThat(domain.getSequenceNumber()).as("sequence of %s", domain.getAggregateIdentifier())
                        .isEqualTo(expected);
                next.put(domain.getAggregateIdentifier(), expected + 1);
            }
        }
    }

    private void awaitReaders(long head, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        String last = String.valueOf(head) + " ";
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (int r = 0; r < READERS; r++) {
                List<String> lines = CrashLog.completeLines(dir.resolve("reader-" + r + ".txt"));
                all &= !lines.isEmpty() && lines.get(lines.size() - 1).startsWith(last);
            }
            if (all) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private void startStore() throws IOException {
        store = Child.start(dir.resolve("store.log"), "store: listening", DevStore.class, "store",
                dir.resolve("data").toString(), "127.0.0.1", port);
    }

    private void startWriter(int w) throws IOException {
        String name = "w" + w + "-" + incarnations[w]++;
        writers[w] = Child.start(dir.resolve("writer-" + w + ".log"), "ready", CrashWriter.class, port, name,
                w == 0 ? "-5" : "0", dir.resolve("acks-" + name + ".txt").toString());
    }

    private void startReader(int r) throws IOException {
        readers[r] = Child.start(dir.resolve("reader-" + r + ".log"), "ready", CrashReader.class, port,
                dir.resolve("reader-" + r + ".txt").toString());
    }

    private long writerPause(boolean longRun) {
        return Duration.ofMillis(longRun ? 10_000 + random.nextInt(12_000) : 3_000 + random.nextInt(3_000))
                .toNanos();
    }

    private List<Path> files(String prefix) throws IOException {
        List<Path> found = new ArrayList<>();
        try (var stream = Files.list(dir)) {
            stream.filter(p -> p.getFileName().toString().startsWith(prefix)).forEach(found::add);
        }
        return found;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
