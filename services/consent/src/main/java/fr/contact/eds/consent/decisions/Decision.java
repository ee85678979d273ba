package fr.contact.eds.consent.decisions;

import java.time.Instant;

/**
 * The decision in force after a command: the new one, or, when nothing new was decided ({@code repeated}), the one
 * that already was.
 */
public record Decision(String decisionId, String reference, Instant effectiveAt, boolean opposed,
        boolean repeated) {}
