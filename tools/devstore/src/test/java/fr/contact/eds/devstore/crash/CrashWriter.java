package fr.contact.eds.devstore.crash;

import fr.contact.eds.devstore.crash.CrashLog.CrashTestedEvent;
import fr.contact.eds.eventstore.CommitLogEventStorageEngine;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * A writer JVM of {@link StoreCrashTest}: appends units of work of its own aggregates, of three aggregates every
 * writer shares (so that conflicts happen) and of plain events, with its clock shifted by {@code skewSeconds}.
 * After each acknowledged append it writes one line "ack eid…"; a unit the store refused is "conflict", one that
 * failed otherwise (the store is down) is never acknowledged. Runs until killed.
 * Arguments: port, writer name, skew in seconds, acknowledgement file.
 */
public final class CrashWriter {

    public static void main(String[] args) throws IOException, InterruptedException {
        String writer = args[1];
        Duration skew = Duration.ofSeconds(Long.parseLong(args[2]));
        CommitLogEventStorageEngine engine = CrashLog.engine(CrashLog.database(args[0]),
                CommitLogEventStorageEngine.builder().watchCommits(false));
        try (PrintWriter acks = new PrintWriter(new FileWriter(args[3], true))) {
            System.out.println("ready");
            System.out.flush();
            for (long unit = 0;; unit++) {
                List<EventMessage<?>> events = unitOfWork(engine, writer, unit, Instant.now().plus(skew));
                try {
                    engine.appendEvents(events);
                    acks.println("ack " + events.stream().map(EventMessage::getIdentifier)
                            .collect(Collectors.joining(" ")));
                } catch (AggregateStreamCreationException | ConcurrencyException e) {
                    acks.println("conflict");
                } catch (RuntimeException e) {
                    Thread.sleep(50);
                }
                acks.flush();
            }
        }
    }

    private static List<EventMessage<?>> unitOfWork(CommitLogEventStorageEngine engine, String writer, long unit,
            Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int size = 1 + random.nextInt(5);
        List<EventMessage<?>> events = new ArrayList<>(size);
        int kind = random.nextInt(10);
        if (kind < 3) {
            for (int i = 0; i < size; i++) {
                events.add(new GenericEventMessage<>(UUID.randomUUID().toString(),
                        new CrashTestedEvent(writer, unit, i), Map.of(), at));
            }
            return events;
        }
        String aggregate = kind < 5 ? "shared-" + random.nextInt(3) : writer + "-" + unit;
        long first = 0;
        if (kind < 5) {
            try {
                first = engine.lastSequenceNumberFor(aggregate).map(s -> s + 1).orElse(0L);
            } catch (RuntimeException e) {
                first = 0;
            }
        }
        for (int i = 0; i < size; i++) {
            events.add(new GenericDomainEventMessage<>("CrashTested", aggregate, first + i,
                    new CrashTestedEvent(writer, unit, i), Map.of(), UUID.randomUUID().toString(), at));
        }
        return events;
    }

    private CrashWriter() {}
}
