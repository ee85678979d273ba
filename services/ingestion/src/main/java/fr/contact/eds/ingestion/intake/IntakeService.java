package fr.contact.eds.ingestion.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import fr.contact.eds.ingestion.api.AcceptBundleCommand;
import fr.contact.eds.ingestion.api.AcceptBundlesCommand;
import fr.contact.eds.ingestion.api.BundleAcceptedEvent;
import fr.contact.eds.ingestion.api.EpisodeEvent;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.config.IngestionConfig;
import fr.contact.eds.ingestion.fhir.BundleMapper;
import fr.contact.eds.ingestion.fhir.IntakeIssue;
import fr.contact.eds.ingestion.fhir.JsonTypes;
import fr.contact.eds.ingestion.fhir.MappedBundle;
import fr.contact.eds.ingestion.fhir.MappedEpisode;
import fr.contact.eds.ingestion.fhir.ParseProblems;
import fr.contact.eds.ingestion.fhir.StrictJson;
import fr.contact.eds.ingestion.gate.OppositionGate;
import fr.contact.eds.platform.access.Access;
import fr.contact.eds.platform.access.AccessRecorder;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.axon.Failures;
import fr.contact.eds.platform.consistency.DeadLetterGate;
import fr.contact.eds.platform.consistency.ProjectionBarrier;
import fr.contact.eds.platform.crypto.SubjectKeys;
import fr.contact.eds.platform.security.Actor;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.pseudonymisation.Pseudonymiser;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The one path a bundle takes in, for live posts and history imports alike: parse, map and pseudonymise, pass
 * the consent gate, then append everything in one commit; the same bundle again gets its first acceptance back.
 */
@Singleton
public class IntakeService {

    private static final Access INTAKE = new Access(Roles.ASSOCIATION, "care data intake", AccessAction.CREATE,
            "Bundle");

    private final FhirContext fhir;
    /** Looked up when first used: without its secret the service still starts, and says in readiness what is missing. */
    private final Instance<Pseudonymiser> pseudonymisers;
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final AccessRecorder accessRecorder;
    private final ProjectionBarrier barrier;
    private final DeadLetterGate deadLetters;
    private final OppositionGate oppositions;
    private final IngestionConfig config;
    private final AssociationTerritories territories;
    private final SubjectKeys subjectKeys;

    public IntakeService(FhirContext fhir, Instance<Pseudonymiser> pseudonymisers, CommandGateway commands,
            EventStore eventStore, AccessRecorder accessRecorder, ProjectionBarrier barrier, DeadLetterGate deadLetters,
            OppositionGate oppositions, IngestionConfig config, AssociationTerritories territories,
            SubjectKeys subjectKeys) {
        this.fhir = fhir;
        this.pseudonymisers = pseudonymisers;
        this.commands = commands;
        this.eventStore = eventStore;
        this.accessRecorder = accessRecorder;
        this.barrier = barrier;
        this.deadLetters = deadLetters;
        this.oppositions = oppositions;
        this.config = config;
        this.territories = territories;
        this.subjectKeys = subjectKeys;
    }

    /** {@code actor} must be an association speaking as itself; callers check the role. */
    public IntakeResult take(Actor actor, byte[] body) {
        IntakeResult prepared = prepare(actor, body);
        if (!(prepared instanceof IntakeResult.Prepared p)) {
            return prepared;
        }
        return gate(List.of(p)).map(commands -> accept(commands.get(0))).orElseGet(IntakeService::gateClosed);
    }

    /**
     * The consent gate: waits until every opposition committed before this call is known here, then leaves out the
     * episodes of patients who oppose (counted, not stored). Empty when the opposition state is not known in time,
     * or misses parked events (an opposition among them, perhaps): nothing may then be stored (fail closed).
     */
    public Optional<List<AcceptBundleCommand>> gate(List<IntakeResult.Prepared> bundles) {
        if (deadLetters.holdsAny(OppositionGate.PROCESSOR)
                || !barrier.awaitHead(OppositionGate.PROCESSOR, config.ingestion().consentGateWait())) {
            return Optional.empty();
        }
        Set<PatientPseudonym> opposed = oppositions.opposedAmong(bundles.stream()
                .flatMap(b -> b.mapped().episodes().stream()).flatMap(e -> e.knownAs().stream()).distinct().toList());
        return Optional.of(bundles.stream().map(b -> command(b, opposed)).toList());
    }

    /** Refused because the patients' opposition state is not known yet. */
    public static IntakeResult.Refused gateClosed() {
        return IntakeResult.Refused.of(503, "transient", "Bundle",
                "The patients' opposition status is not known yet (the consent projection is catching up, or "
                        + "holds parked events the platform team must retry): nothing was stored; retry shortly");
    }

    private AcceptBundleCommand command(IntakeResult.Prepared prepared, Set<PatientPseudonym> opposed) {
        MappedBundle mapped = prepared.mapped();
        List<MappedEpisode> kept = mapped.episodes().stream()
                .filter(e -> e.knownAs().stream().noneMatch(opposed::contains)).toList();
        BundleAcceptedEvent accepted = new BundleAcceptedEvent(prepared.bundleKey(), prepared.actor().association(),
                mapped.bundleType(), kept.stream().map(MappedEpisode::episodeId).toList(), mapped.entryUsed(),
                mapped.resourcesUsed(), mapped.resourcesIgnored(), mapped.episodes().size() - kept.size(),
                Instant.now(), mapped.entryNotes());
        List<String> patients = kept.stream().map(MappedEpisode::patientPseudonym).map(PatientPseudonym::value)
                .distinct().toList();
        // Keys only for the patients kept: none is made, nor filed under the pseudonym, for one who opposes.
        List<EpisodeEvent> events = kept.stream().flatMap(e -> e.events().stream())
                .map(event -> event instanceof EpisodeOpenedEvent opened
                        ? opened.withSubjectKeyId(subjectKeys.keyIdFor(opened.patientPseudonym().value()))
                        : event)
                .toList();
        return new AcceptBundleCommand(accepted, events,
                accessRecorder.describe(prepared.actor(), INTAKE, patients, AccessOutcome.SUCCESS));
    }

    /**
     * Takes several gated bundles in at once: one commit when none of them was taken in before, one by one
     * otherwise (so a repeated bundle answers as the first time). Results come back in the given order.
     */
    public List<IntakeResult> acceptAll(List<AcceptBundleCommand> bundles) {
        Map<String, AcceptBundleCommand> distinct = new LinkedHashMap<>();
        bundles.forEach(bundle -> distinct.putIfAbsent(bundle.bundleKey(), bundle));
        if (distinct.size() > 1) {
            try {
                commands.sendAndWait(new AcceptBundlesCommand(List.copyOf(distinct.values())));
                Set<String> seen = new HashSet<>();
                return bundles.stream()
                        .<IntakeResult>map(b -> new IntakeResult.Accepted(b.accepted(), !seen.add(b.bundleKey())))
                        .toList();
            } catch (RuntimeException e) {
                if (!alreadyTakenIn(e)) {
                    throw e;
                }
            }
        }
        return bundles.stream().map(this::accept).toList();
    }

    /** Parses, maps and pseudonymises, without storing anything. */
    public IntakeResult prepare(Actor actor, byte[] body) {
        if (actor.association() == null || actor.association().isBlank()) {
            return IntakeResult.Refused.of(403, "forbidden", "Bundle",
                    "The token names no association: intake only accepts data sent by an association as itself");
        }
        // The same limit for a live post and for each line of a history import.
        if (body.length > config.ingestion().maxBundleBytes()) {
            return IntakeResult.Refused.of(413, "too-costly", "Bundle",
                    "The bundle is " + body.length + " bytes; the limit is " + config.ingestion().maxBundleBytes());
        }
        Optional<StrictJson.Problem> unreadable = StrictJson.problemIn(body);
        if (unreadable.isPresent()) {
            return new IntakeResult.Refused(unreadable.get().status(), List.of(unreadable.get().issue()));
        }
        Optional<IntakeIssue> mistyped = new JsonTypes(fhir).problemIn(body);
        if (mistyped.isPresent()) {
            return new IntakeResult.Refused(422, List.of(mistyped.get()));
        }
        String json = new String(body, StandardCharsets.UTF_8);
        IBaseResource resource;
        ParseProblems parsing = new ParseProblems();
        try {
            resource = fhir.newJsonParser().setParserErrorHandler(parsing).parseResource(json);
        } catch (DataFormatException e) {
            return new IntakeResult.Refused(400, List.of(ParseProblems.unreadable(e)));
        } catch (IllegalArgumentException e) {
            return new IntakeResult.Refused(422, List.of(ParseProblems.unknownCode(e)));
        } catch (RuntimeException e) {
            // The parser fails on some malformed shapes (an extension list holding a null) instead of reporting them.
            return new IntakeResult.Refused(400, List.of(ParseProblems.unparseable()));
        }
        if (!(resource instanceof Bundle bundle)) {
            return IntakeResult.Refused.of(400, "invalid", "resourceType",
                    "Expected a Bundle, got " + resource.fhirType());
        }
        List<IntakeIssue> parserFindings = parsing.issuesIn(body);
        if (!parserFindings.isEmpty()) {
            return new IntakeResult.Refused(422, parserFindings);
        }
        Optional<IntakeIssue> otherAssociation = AssociationClaims.otherThan(actor.association(), bundle);
        if (otherAssociation.isPresent()) {
            return new IntakeResult.Refused(403, List.of(otherAssociation.get()));
        }
        MappedBundle mapped = new BundleMapper(pseudonymisers.get(), actor.association(),
                territories.of(actor.association())).map(bundle);
        if (mapped.rejected()) {
            return new IntakeResult.Refused(422, mapped.issues());
        }
        return new IntakeResult.Prepared(actor, bundleKey(actor, bundle, body), mapped);
    }

    private IntakeResult accept(AcceptBundleCommand command) {
        try {
            commands.sendAndWait(command);
            return new IntakeResult.Accepted(command.accepted(), false);
        } catch (RuntimeException e) {
            if (!alreadyTakenIn(e)) {
                throw e;
            }
            return new IntakeResult.Accepted(firstIntakeOf(command.bundleKey()), true);
        }
    }

    private String bundleKey(Actor actor, Bundle bundle, byte[] body) {
        String source = bundle.getIdentifier().hasValue()
                ? "id|" + bundle.getIdentifier().getSystem() + "|" + bundle.getIdentifier().getValue()
                : "sha256|" + sha256(body);
        return pseudonymisers.get().keyedIdentifier("bundle", actor.association() + "|" + source);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean alreadyTakenIn(Throwable e) {
        return Failures.causedBy(e, AggregateStreamCreationException.class);
    }

    private BundleAcceptedEvent firstIntakeOf(String bundleKey) {
        return (BundleAcceptedEvent) eventStore.readEvents(bundleKey).next().getPayload();
    }
}
