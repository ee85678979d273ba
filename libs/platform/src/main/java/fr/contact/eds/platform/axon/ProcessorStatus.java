package fr.contact.eds.platform.axon;

import java.util.OptionalLong;

/**
 * One streaming processor as seen from this instance: whether it runs, how far its slowest claimed
 * segment got, how far behind the store's head that is, and how many dead letters wait.
 */
public record ProcessorStatus(String name, boolean running, boolean replaying, int claimedSegments,
        OptionalLong position, long head, long lag, long deadLetters) {}
