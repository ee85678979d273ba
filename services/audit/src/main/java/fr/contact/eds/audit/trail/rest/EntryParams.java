package fr.contact.eds.audit.trail.rest;

import fr.contact.eds.audit.trail.EntryFilter;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.rest.DateParams;
import fr.contact.eds.platform.rest.ProblemException;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Locale;

/** The DPO's criteria, as query parameters; each malformed one is a 400 naming it. */
public class EntryParams {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_EXPORT_LIMIT = 10_000;

    @QueryParam("patient")
    String patient;
    @QueryParam("actor")
    String actor;
    @QueryParam("role")
    String role;
    @QueryParam("project")
    String project;
    @QueryParam("association")
    String association;
    @QueryParam("purpose")
    String purpose;
    @QueryParam("action")
    String action;
    @QueryParam("from")
    String from;
    @QueryParam("to")
    String to;
    @QueryParam("cursor")
    String cursor;
    @QueryParam("limit")
    Integer limit;

    EntryFilter filter() {
        if (project != null && association != null) {
            throw ProblemException.badRequest("project", "Filter on a project or an association, not both");
        }
        return new EntryFilter(patient == null ? List.of() : List.of(patient), actor, role,
                project != null ? project : association, purpose, action(), DateParams.instant("from", from),
                DateParams.instant("to", to));
    }

    Long cursor() {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("cursor", "Not a cursor this service gave: " + cursor);
        }
    }

    int limit(int max) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > max) {
            throw ProblemException.badRequest("limit", "limit must be between 1 and " + max);
        }
        return size;
    }

    private String action() {
        if (action == null || action.isBlank()) {
            return null;
        }
        try {
            return AccessAction.valueOf(action.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("action", "Expected one of read, search, export, create, update, erase");
        }
    }

}
