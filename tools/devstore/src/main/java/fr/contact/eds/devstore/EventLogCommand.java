package fr.contact.eds.devstore;

import com.mongodb.ConnectionString;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fr.contact.eds.eventstore.CommitLogRepair;
import fr.contact.eds.eventstore.LogFault;
import java.io.PrintStream;
import java.util.List;

/**
 * The operator's commands on the shared event log: {@code check} reads every commit and names each hole, overlap
 * and recorded fault with the commits around it; {@code fill-hole FIRST LAST REASON} fills a verified hole with
 * lost-position markers so that readers go on; {@code resolve FAULT_ID HOW} settles what only an operator can (an
 * overlap, or a lost tail once the processors that read the vanished events were replayed). Exit 1 when the check
 * finds anything.
 */
final class EventLogCommand {

    private EventLogCommand() {}

    /** Arguments: the MongoDB URI, the event store's database, then the command and its own arguments. */
    static int run(List<String> args, PrintStream out) {
        if (args.size() < 3) {
            throw new IllegalArgumentException("usage: log <mongodb-uri> <database> check"
                    + " | fill-hole FIRST LAST REASON | resolve FAULT_ID HOW");
        }
        try (MongoClient client = MongoClients.create(new ConnectionString(args.get(0)))) {
            var repair = new CommitLogRepair(client.getDatabase(args.get(1))
                    .withWriteConcern(WriteConcern.MAJORITY.withJournal(true)));
            return command(repair, args.subList(2, args.size()), out);
        }
    }

    private static int command(CommitLogRepair repair, List<String> args, PrintStream out) {
        switch (args.get(0)) {
            case "check" -> {
                return check(repair, out);
            }
            case "fill-hole" -> {
                requireArgs(args, 4);
                repair.fillHole(Long.parseLong(args.get(1)), Long.parseLong(args.get(2)),
                        String.join(" ", args.subList(3, args.size())));
                out.println("filled positions " + args.get(1) + ".." + args.get(2) + " with lost-position markers");
                return check(repair, out);
            }
            case "resolve" -> {
                requireArgs(args, 3);
                boolean changed = repair.resolve(args.get(1), String.join(" ", args.subList(2, args.size())));
                out.println(changed ? "resolved " + args.get(1) : "no unresolved fault " + args.get(1));
                return changed ? 0 : 1;
            }
            default -> throw new IllegalArgumentException("unknown log command " + args.get(0));
        }
    }

    private static int check(CommitLogRepair repair, PrintStream out) {
        CommitLogRepair.Report report = repair.check();
        out.printf("event log: %,d commits, %,d events, head at position %,d%n", report.commits(), report.events(),
                report.head());
        report.findings().forEach(f -> out.println("  found " + f.describe()));
        for (LogFault fault : report.faults()) {
            out.println("  fault " + fault.faultId() + " (detected " + fault.detectedAt() + "): " + fault.describe());
            out.println("    " + advice(fault.kind()));
        }
        boolean intact = report.findings().isEmpty() && report.faults().isEmpty();
        out.println(intact ? "intact: every position held by exactly one commit, no fault recorded"
                : "NOT intact: readers of every service are stopped until this is repaired");
        return intact ? 0 : 1;
    }

    private static String advice(LogFault.Kind kind) {
        return switch (kind) {
            case HOLE -> "its events are lost; fill it (./contact event-log fill-hole FIRST LAST REASON) so readers"
                    + " go on";
            case OVERLAP -> "two commits hold these positions; decide which one stands, then resolve the fault";
            case LOST_TAIL -> "commits once read are gone and their positions may be reused: reset the processors "
                    + "whose tokens passed them (rebuild), then resolve the fault";
        };
    }

    private static void requireArgs(List<String> args, int count) {
        if (args.size() < count) {
            throw new IllegalArgumentException("missing arguments for log " + args.get(0));
        }
    }
}
