package fr.contact.eds.eventstore;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Run in a child JVM by {@link WriterDeathTest}: appends batches of 20 until it is killed. */
public final class DyingWriter {

    public static void main(String[] args) {
        var serializer = TestEvents.serializer();
        var engine = CommitLogEventStorageEngine.builder()
                .database(TestEvents.database(args[0], args[1]))
                .eventSerializer(serializer).snapshotSerializer(serializer)
                .beforeInsert(position -> {
                    if (ThreadLocalRandom.current().nextInt(3) == 0) {
                        Thread.onSpinWait();
                    }
                })
                .build();
        String writer = args[2];
        System.out.println("ready");
        System.out.flush();
        for (long batch = 0;; batch++) {
            engine.appendEvents(TestEvents.aggregateBatch(writer + "-" + batch, 0, 20, writer, batch, Instant.now()));
        }
    }

    private DyingWriter() {}
}
