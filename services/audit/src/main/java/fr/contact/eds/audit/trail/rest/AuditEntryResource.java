package fr.contact.eds.audit.trail.rest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import fr.contact.eds.audit.proofs.AuditAlerts;
import fr.contact.eds.audit.trail.AuditEntries;
import fr.contact.eds.audit.trail.AuditEntry;
import fr.contact.eds.audit.trail.EntryPage;
import fr.contact.eds.platform.access.Access;
import fr.contact.eds.platform.access.AccessRecorder;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.Actor;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The DPO's view of the trail: filtered, paged newest first, as JSON, CSV or FHIR AuditEvent NDJSON. Reading the
 * trail is itself an access to patient data, recorded before the answer. Nobody may change it: an attempt is
 * refused, recorded as a denied access and raised as an alert.
 */
@Path("/audit/entries")
public class AuditEntryResource {

    static final String CSV = "text/csv";
    static final String FHIR_NDJSON = "application/fhir+ndjson";
    private static final String PURPOSE = "audit review";

    private final AuditEntries entries;
    private final AccessRecorder accessRecorder;
    private final CurrentActor currentActor;
    private final AuditAlerts alerts;
    private final FhirContext fhir;

    public AuditEntryResource(AuditEntries entries, AccessRecorder accessRecorder, CurrentActor currentActor,
            AuditAlerts alerts, FhirContext fhir) {
        this.entries = entries;
        this.accessRecorder = accessRecorder;
        this.currentActor = currentActor;
        this.alerts = alerts;
        this.fhir = fhir;
    }

    /** JSON unless the caller asks for CSV or FHIR NDJSON by name; the exports name the next page in X-Next-Cursor. */
    @GET
    @RolesAllowed(Roles.DPO)
    @Produces({MediaType.APPLICATION_JSON, CSV, FHIR_NDJSON})
    public Response search(@BeanParam EntryParams params, @Context HttpHeaders headers) {
        String accept = String.valueOf(headers.getHeaderString(HttpHeaders.ACCEPT));
        if (accept.contains(CSV)) {
            return csv(read(params, AccessAction.EXPORT, EntryParams.MAX_EXPORT_LIMIT));
        }
        if (accept.contains(FHIR_NDJSON)) {
            return auditEvents(read(params, AccessAction.EXPORT, EntryParams.MAX_EXPORT_LIMIT));
        }
        return Response.ok(read(params, AccessAction.SEARCH, EntryParams.MAX_LIMIT), MediaType.APPLICATION_JSON)
                .build();
    }

    private Response csv(EntryPage page) {
        StringBuilder csv = new StringBuilder(
                "leafIndex,occurredAt,service,actorSubject,actorRole,organisation,purpose,action,resourceKind,"
                        + "patientPseudonyms,outcome,traceId,accessId,client,clientAddress,serverAddress,request\n");
        for (AuditEntry e : page.entries()) {
            csv.append(e.leafIndex()).append(',').append(e.occurredAt()).append(',');
            for (String field : new String[]{e.service(), e.actorSubject(), e.actorRole(), e.organisation(),
                    e.purpose(), e.action(), e.resourceKind(), String.join(";", e.patientPseudonyms()), e.outcome(),
                    e.traceId()}) {
                csv.append(csvField(field)).append(',');
            }
            csv.append(csvField(e.accessId()));
            for (String field : new String[]{e.client(), e.clientAddress(), e.serverAddress(), e.request()}) {
                csv.append(',').append(csvField(field));
            }
            csv.append('\n');
        }
        return withNext(Response.ok(csv.toString(), CSV + "; charset=UTF-8"), page).build();
    }

    private Response auditEvents(EntryPage page) {
        IParser parser = fhir.newJsonParser().setPrettyPrint(false);
        StringBuilder ndjson = new StringBuilder();
        page.entries().forEach(e -> AuditEventFhir.of(e)
                .forEach(event -> ndjson.append(parser.encodeResourceToString(event)).append('\n')));
        return withNext(Response.ok(ndjson.toString(), FHIR_NDJSON), page).build();
    }

    @POST
    @RolesAllowed("**")
    public Response add() {
        return refuseChange("add an entry to", AccessAction.CREATE);
    }

    @PUT
    @Path("{any: .*}")
    @RolesAllowed("**")
    public Response replace() {
        return refuseChange("replace an entry of", AccessAction.UPDATE);
    }

    @PATCH
    @Path("{any: .*}")
    @RolesAllowed("**")
    public Response patch() {
        return refuseChange("modify an entry of", AccessAction.UPDATE);
    }

    @DELETE
    @Path("{any: .*}")
    @RolesAllowed("**")
    public Response delete() {
        return refuseChange("delete entries of", AccessAction.ERASE);
    }

    private EntryPage read(EntryParams params, AccessAction action, int maxLimit) {
        Actor actor = currentActor.get();
        var filter = params.filter();
        Long cursor = params.cursor();
        int limit = params.limit(maxLimit);
        return accessRecorder.reveal(actor, new Access(Roles.DPO, PURPOSE, action, "AuditEntry"),
                () -> entries.search(filter, cursor, limit), AuditEntryResource::patientsIn);
    }

    private Response refuseChange(String what, AccessAction action) {
        Actor actor = currentActor.get();
        alerts.changeAttempted(actor.subject(), "(" + String.join(", ", actor.roles()) + ") tried to " + what
                + " the audit trail");
        accessRecorder.record(actor, new Access(String.join(",", actor.roles()), "change attempt", action,
                "AuditEntry"), List.of(), AccessOutcome.DENIED);
        throw new ProblemException(405, "Method Not Allowed",
                "The audit trail is append-only: entries are never added, changed or deleted through the API", null);
    }

    static Set<String> patientsIn(EntryPage page) {
        Set<String> patients = new LinkedHashSet<>();
        page.entries().forEach(e -> patients.addAll(e.patientPseudonyms()));
        return patients;
    }

    private static Response.ResponseBuilder withNext(Response.ResponseBuilder response, EntryPage page) {
        return page.next() == null ? response : response.header("X-Next-Cursor", page.next());
    }

    private static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
