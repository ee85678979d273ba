package fr.contact.eds.eventstore;

/**
 * Stands at a position whose events were lost, once an operator has filled the hole: readers pass it like any event
 * no handler declares, and the log is contiguous again. It says which fault it repairs and why.
 */
public record LogPositionsLostEvent(long position, String faultId, String reason) {}
