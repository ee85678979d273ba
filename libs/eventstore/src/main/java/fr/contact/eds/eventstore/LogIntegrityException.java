package fr.contact.eds.eventstore;

import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * Thrown to readers while the log holds an unresolved fault: a processor stops at it and retries, rather than
 * skipping events or reading a position whose events two readers could see differently.
 */
public class LogIntegrityException extends EventStoreException {

    private final transient List<LogFault> faults;

    public LogIntegrityException(List<LogFault> faults) {
        super("Event log integrity fault, reading stopped until repaired: "
                + faults.stream().map(LogFault::describe).collect(Collectors.joining("; ")));
        this.faults = List.copyOf(faults);
    }

    public List<LogFault> faults() {
        return faults;
    }
}
