package fr.contact.eds.devstore.crash;

import fr.contact.eds.eventstore.CommitLogEventStorageEngine;
import fr.contact.eds.eventstore.LogIntegrityException;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * A tracking reader JVM of {@link StoreCrashTest}: writes "position eid" for every event it receives, resuming after
 * the last complete line when restarted (the file is its token). An integrity fault is written as a "fault" line.
 * Arguments: port, output file.
 */
public final class CrashReader {

    public static void main(String[] args) throws IOException, InterruptedException {
        Path file = Path.of(args[1]);
        List<String> seen = CrashLog.completeLines(file);
        TrackingToken token = seen.stream().filter(l -> !l.startsWith("fault")).reduce((a, b) -> b)
                .map(l -> new GlobalSequenceTrackingToken(Long.parseLong(l.substring(0, l.indexOf(' ')))))
                .orElse(null);
        CommitLogEventStorageEngine engine = CrashLog.engine(CrashLog.database(args[0]),
                CommitLogEventStorageEngine.builder().batchSize(100));
        try (PrintWriter out = new PrintWriter(new FileWriter(file.toFile(), true))) {
            System.out.println("ready");
            System.out.flush();
            while (true) {
                int read = 0;
                try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(token, true)) {
                    for (Iterator<? extends TrackedEventMessage<?>> it = events.iterator(); it.hasNext();) {
                        TrackedEventMessage<?> event = it.next();
                        out.println(event.trackingToken().position().getAsLong() + " " + event.getIdentifier());
                        token = event.trackingToken();
                        read++;
                    }
                } catch (LogIntegrityException e) {
                    out.println("fault " + e.getMessage());
                    Thread.sleep(500);
                } catch (RuntimeException e) {
                    Thread.sleep(100);
                }
                out.flush();
                if (read == 0) {
                    Thread.sleep(20);
                }
            }
        }
    }

    private CrashReader() {}
}
