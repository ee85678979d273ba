package fr.contact.eds.catalog.api;

import java.time.LocalDate;

/**
 * Where a permit stands on a day, the one rule for every use of it (extracts, episode reads): in force only while its
 * project is active and the permit has not expired; ended once the project closes or the permit expires.
 */
public enum PermitStanding {

    IN_FORCE, NOT_YET_IN_FORCE, ENDED;

    public static PermitStanding of(ProjectState state, Permit permit, LocalDate today) {
        if (state == ProjectState.CLOSED || today.isAfter(permit.validUntil())) {
            return ENDED;
        }
        return state == ProjectState.ACTIVE ? IN_FORCE : NOT_YET_IN_FORCE;
    }

    /** Why an {@link #ENDED} permit ended, for the caller's answer. */
    public static String whyEnded(ProjectState state, Permit permit) {
        return state == ProjectState.CLOSED ? "project closed" : "valid until " + permit.validUntil();
    }
}
