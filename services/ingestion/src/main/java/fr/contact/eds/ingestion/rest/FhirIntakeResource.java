package fr.contact.eds.ingestion.rest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import fr.contact.eds.ingestion.api.AcceptBundleCommand;
import fr.contact.eds.ingestion.api.BundleAcceptedEvent;
import fr.contact.eds.ingestion.config.IngestionConfig;
import fr.contact.eds.ingestion.fhir.BundleMapper;
import fr.contact.eds.ingestion.fhir.MappedBundle;
import fr.contact.eds.ingestion.fhir.MappedEpisode;
import fr.contact.eds.platform.access.Access;
import fr.contact.eds.platform.access.AccessRecorder;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.security.Actor;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.pseudonymisation.Pseudonymiser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * FHIR R4 intake: an association posts a Bundle (transaction, batch or collection) and gets a
 * {@code *-response} Bundle once its events are durably appended, or an OperationOutcome naming each
 * problem, in which case nothing of the bundle is stored. The same bundle sent again answers the same.
 */
@Path("/fhir")
@RolesAllowed(Roles.ASSOCIATION)
public class FhirIntakeResource {

    private static final Access INTAKE = new Access(Roles.ASSOCIATION, "care data intake", AccessAction.CREATE,
            "Bundle");

    @Inject
    FhirContext fhir;
    @Inject
    Pseudonymiser pseudonymiser;
    @Inject
    CommandGateway commands;
    @Inject
    EventStore eventStore;
    @Inject
    AccessRecorder accessRecorder;
    @Inject
    CurrentActor currentActor;
    @Inject
    IngestionConfig config;

    @POST
    @Consumes({OperationOutcomes.FHIR_JSON, "application/json"})
    @Produces(OperationOutcomes.FHIR_JSON)
    public Response accept(byte[] body) {
        Actor actor = currentActor.get();
        if (actor.association() == null || actor.association().isBlank()) {
            return OperationOutcomes.respond(fhir, 403, "forbidden", "Bundle",
                    "The token names no association: intake only accepts data sent by an association as itself");
        }
        if (body.length > config.ingestion().maxBundleBytes()) {
            return OperationOutcomes.respond(fhir, 413, "too-costly", "Bundle",
                    "The bundle is " + body.length + " bytes; the limit is " + config.ingestion().maxBundleBytes());
        }
        IBaseResource resource;
        try {
            resource = fhir.newJsonParser().parseResource(new String(body, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            return OperationOutcomes.respond(fhir, 400, "structure", "Bundle",
                    "Not valid FHIR R4 JSON: " + e.getMessage());
        }
        if (!(resource instanceof Bundle bundle)) {
            return OperationOutcomes.respond(fhir, 400, "invalid", "resourceType",
                    "Expected a Bundle, got " + resource.fhirType());
        }
        MappedBundle mapped = new BundleMapper(pseudonymiser, actor.association()).map(bundle);
        if (mapped.rejected()) {
            return OperationOutcomes.respond(fhir, 422, mapped.issues());
        }
        BundleAcceptedEvent accepted = new BundleAcceptedEvent(bundleKey(actor, bundle, body), actor.association(),
                mapped.bundleType(), mapped.episodes().stream().map(MappedEpisode::episodeId).toList(),
                mapped.entryUsed(), mapped.resourcesUsed(), mapped.resourcesIgnored(), 0, Instant.now());
        List<String> patients = mapped.episodes().stream().map(MappedEpisode::patientPseudonym).distinct().toList();
        List<Object> events = mapped.episodes().stream().flatMap(e -> e.events().stream()).toList();
        try {
            commands.sendAndWait(new AcceptBundleCommand(accepted, events,
                    accessRecorder.describe(actor, INTAKE, patients, AccessOutcome.SUCCESS)));
            return answer(accepted);
        } catch (RuntimeException e) {
            if (!alreadyTakenIn(e)) {
                throw e;
            }
            return answer(firstIntakeOf(accepted.bundleKey()));
        }
    }

    private String bundleKey(Actor actor, Bundle bundle, byte[] body) {
        String source = bundle.getIdentifier().hasValue()
                ? "id|" + bundle.getIdentifier().getSystem() + "|" + bundle.getIdentifier().getValue()
                : "sha256|" + sha256(body);
        return pseudonymiser.keyedIdentifier("bundle", actor.association() + "|" + source);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean alreadyTakenIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }

    private BundleAcceptedEvent firstIntakeOf(String bundleKey) {
        return (BundleAcceptedEvent) eventStore.readEvents(bundleKey).next().getPayload();
    }

    private Response answer(BundleAcceptedEvent accepted) {
        Bundle response = new Bundle().setType("transaction".equals(accepted.bundleType())
                ? Bundle.BundleType.TRANSACTIONRESPONSE
                : Bundle.BundleType.BATCHRESPONSE);
        for (Boolean used : accepted.entryUsed()) {
            var entry = response.addEntry().getResponse();
            if (used) {
                entry.setStatus("201 Created");
            } else {
                OperationOutcome ignored = new OperationOutcome();
                ignored.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                        .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                        .setDiagnostics("Resource type not used by CONTACT: counted, not stored");
                entry.setStatus("200 OK").setOutcome(ignored);
            }
        }
        return Response.ok(fhir.newJsonParser().encodeResourceToString(response), OperationOutcomes.FHIR_JSON).build();
    }
}
