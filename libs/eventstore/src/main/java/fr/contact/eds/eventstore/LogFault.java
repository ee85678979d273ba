package fr.contact.eds.eventstore;

import java.time.Instant;

/**
 * Something a contiguous log cannot contain, found in the commit log: positions without a commit between commits
 * ({@code HOLE}), positions held by two commits ({@code OVERLAP}), or a head that went back, so that commits once
 * read are gone ({@code LOST_TAIL}). Positions {@code firstPosition..lastPosition} are the ones concerned.
 */
public record LogFault(String faultId, Kind kind, long firstPosition, long lastPosition, String detail,
        Instant detectedAt) {

    public enum Kind {
        HOLE, OVERLAP, LOST_TAIL
    }

    /** A lost tail is one fault however many engines find it, each with its own idea of where the head was. */
    static String idOf(Kind kind, long firstPosition, long lastPosition) {
        return kind == Kind.LOST_TAIL ? kind + ":" + firstPosition : kind + ":" + firstPosition + "-" + lastPosition;
    }

    /** One line for logs and health checks. */
    public String describe() {
        return kind + " at positions " + firstPosition + ".." + lastPosition + ": " + detail;
    }
}
