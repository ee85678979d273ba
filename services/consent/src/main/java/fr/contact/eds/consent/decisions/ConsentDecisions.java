package fr.contact.eds.consent.decisions;

import fr.contact.eds.consent.api.Channel;
import fr.contact.eds.consent.api.DecisionOrigin;
import fr.contact.eds.consent.api.EraseDataCommand;
import fr.contact.eds.consent.api.RefuseErasureRequestCommand;
import fr.contact.eds.consent.api.RegisterOppositionCommand;
import fr.contact.eds.consent.api.RegisterProjectOppositionCommand;
import fr.contact.eds.consent.api.RequestErasureCommand;
import fr.contact.eds.consent.api.WithdrawOppositionCommand;
import fr.contact.eds.consent.api.WithdrawProjectOppositionCommand;
import fr.contact.eds.consent.erasure.ErasureRequests;
import fr.contact.eds.consent.erasure.NoPendingErasureException;
import fr.contact.eds.platform.access.Access;
import fr.contact.eds.platform.access.AccessRecorder;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.axon.Conflicts;
import fr.contact.eds.platform.axon.Failures;
import fr.contact.eds.platform.crypto.SubjectKeys;
import fr.contact.eds.platform.security.Actor;
import fr.contact.eds.pseudonymisation.PatientIdentity;
import fr.contact.eds.pseudonymisation.Pseudonymiser;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Turns a request about an identity into a decision on that patient's pseudonyms. Identities never go further
 * than this class: commands, events and access records carry pseudonyms only.
 */
@Singleton
public class ConsentDecisions {

    private static final String REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final DateTimeFormatter REFERENCE_DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(ZoneId.of("Europe/Paris"));

    private final CommandGateway commands;
    private final AccessRecorder accessRecorder;
    private final AxonRuntime axon;
    private final Pseudonymiser pseudonymiser;
    private final PseudonymIndex index;
    private final SubjectKeys subjectKeys;
    private final ErasureRequests erasureRequests;
    private final ConsentHistory history;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    @Inject
    public ConsentDecisions(CommandGateway commands, AccessRecorder accessRecorder, AxonRuntime axon,
            Pseudonymiser pseudonymiser, PseudonymIndex index, SubjectKeys subjectKeys,
            ErasureRequests erasureRequests, ConsentHistory history) {
        this.commands = commands;
        this.accessRecorder = accessRecorder;
        this.axon = axon;
        this.pseudonymiser = pseudonymiser;
        this.index = index;
        this.subjectKeys = subjectKeys;
        this.erasureRequests = erasureRequests;
        this.history = history;
    }

    /** Who asks, in which role and how; {@code guardian} when a parent acts for a minor child. */
    public record Requester(Actor actor, String role, Channel channel, Optional<PatientIdentity> guardian,
            String letterReference) {}

    public Receipt oppose(Requester requester, PatientIdentity patient) {
        return oppose(requester, patient, pseudonymiser.everyPseudonymOf(patient));
    }

    private Receipt oppose(Requester requester, PatientIdentity patient, List<PatientPseudonym> pseudonyms) {
        PatientPseudonym patientPseudonym = patientPseudonymOf(patient, pseudonyms);
        Instant now = clock.instant();
        Decision decision = send(new RegisterOppositionCommand(patientPseudonym, pseudonyms,
                UUID.randomUUID().toString(), reference("OPP", now), now, origin(requester),
                access(requester,
                        new Access(requester.role(), "opposition decision", AccessAction.CREATE, "Consent"),
                        patientPseudonym)));
        return receipt(patientPseudonym, decision);
    }

    public Receipt withdraw(Requester requester, PatientIdentity patient) {
        List<PatientPseudonym> pseudonyms = pseudonymiser.everyPseudonymOf(patient);
        PatientPseudonym patientPseudonym = patientPseudonymOf(patient, pseudonyms);
        Instant now = clock.instant();
        Access withdrawal = new Access(requester.role(), "withdrawal of opposition", AccessAction.UPDATE, "Consent");
        Decision decision;
        try {
            decision = send(new WithdrawOppositionCommand(patientPseudonym, pseudonyms,
                    UUID.randomUUID().toString(), reference("WDR", now), now, origin(requester),
                    access(requester, withdrawal, patientPseudonym)));
        } catch (RuntimeException e) {
            if (!Failures.causedBy(e, AggregateNotFoundException.class)) {
                throw e;
            }
            // Never opposed: nothing to withdraw, which is not an error; the request is still on record.
            accessRecorder.record(requester.actor(), withdrawal, List.of(patientPseudonym.value()),
                    AccessOutcome.SUCCESS);
            decision = new Decision(null, null, null, false, true);
        }
        return receipt(patientPseudonym, decision);
    }

    /** Opposes one research project; the caller has checked it is on the transparency portal's list. */
    public Receipt opposeProject(Requester requester, PatientIdentity patient, String projectId) {
        return decideOnProject(requester, patient, projectId, RegisterProjectOppositionCommand::new, "OPJ",
                new Access(requester.role(), "opposition to project " + projectId, AccessAction.CREATE, "Consent"));
    }

    public Receipt withdrawProject(Requester requester, PatientIdentity patient, String projectId) {
        return decideOnProject(requester, patient, projectId, WithdrawProjectOppositionCommand::new, "WPJ",
                new Access(requester.role(), "withdrawal of opposition to project " + projectId,
                        AccessAction.UPDATE, "Consent"));
    }

    /** Both project decisions carry the same fields: either command's constructor. */
    private interface ProjectCommand {

        Object of(PatientPseudonym patientPseudonym, List<PatientPseudonym> pseudonyms, String projectId,
                String decisionId,
                String reference, Instant effectiveAt, DecisionOrigin origin, AccessRecordedEvent access);
    }

    private Receipt decideOnProject(Requester requester, PatientIdentity patient, String projectId,
            ProjectCommand command, String kind, Access access) {
        List<PatientPseudonym> pseudonyms = pseudonymiser.everyPseudonymOf(patient);
        PatientPseudonym patientPseudonym = patientPseudonymOf(patient, pseudonyms);
        Instant now = clock.instant();
        Decision decision = send(command.of(patientPseudonym, pseudonyms, projectId, UUID.randomUUID().toString(),
                reference(kind, now), now, origin(requester), access(requester, access, patientPseudonym)));
        return receipt(patientPseudonym, decision);
    }

    /**
     * Erases the patient's personal data by destroying their keys, then records it. The patient is opposed first if
     * they were not: erasing what is held while keeping what arrives next would defeat the request.
     */
    public Receipt erase(Requester requester, PatientIdentity patient) {
        return erase(requester, patient, null);
    }

    /**
     * Erases the data a pending request asked to erase (the DPO office, holding the proof it waited for); refused with
     * {@link NoPendingErasureException} when that request is not the patient's pending one.
     */
    public Receipt confirmErasureRequest(Requester requester, PatientIdentity patient, String requestReference) {
        return erase(requester, patient, requestReference);
    }

    private Receipt erase(Requester requester, PatientIdentity patient, String requestReference) {
        List<PatientPseudonym> pseudonyms = pseudonymiser.everyPseudonymOf(patient);
        if (requestReference != null) {
            // Checked before any key is destroyed: a wrong reference must not erase anything.
            PatientPseudonym patientPseudonym = patientPseudonymOf(patient, pseudonyms);
            if (!erasureRequests.pendingFor(requestReference, patientPseudonym)) {
                throw new NoPendingErasureException(requestReference);
            }
        }
        Receipt opposition = oppose(requester, patient, pseudonyms);
        List<String> destroyed = subjectKeys.erase(PatientPseudonym.values(pseudonyms));
        Instant now = clock.instant();
        PatientPseudonym patientPseudonym = opposition.patientPseudonym();
        Decision decision = send(new EraseDataCommand(patientPseudonym, reference("ERA", now), now,
                origin(requester), destroyed, requestReference,
                access(requester, new Access(requester.role(), "erasure of personal data", AccessAction.ERASE,
                        "Consent"), patientPseudonym)));
        return receipt(patientPseudonym, decision);
    }

    /**
     * A parent asks online to erase their minor child's data: the child is opposed at once (reversible, and it keeps
     * the data unused meanwhile), and the erasure waits for the DPO office and proof of parental authority.
     */
    public Receipt requestErasure(Requester requester, PatientIdentity patient) {
        List<PatientPseudonym> pseudonyms = pseudonymiser.everyPseudonymOf(patient);
        PatientPseudonym patientPseudonym = oppose(requester, patient, pseudonyms).patientPseudonym();
        Instant now = clock.instant();
        Decision decision = send(new RequestErasureCommand(patientPseudonym, UUID.randomUUID().toString(),
                reference("ERQ", now), now, origin(requester),
                access(requester, new Access(requester.role(), "request to erase personal data", AccessAction.CREATE,
                        "Consent"), patientPseudonym)));
        return receipt(patientPseudonym, decision);
    }

    /** The DPO office closes a pending request without erasing, with the reason the requester is told. */
    public Receipt refuseErasureRequest(Requester requester, PatientPseudonym patientPseudonym, String requestReference,
            String reason) {
        Decision decision = send(new RefuseErasureRequestCommand(patientPseudonym, requestReference, reason,
                clock.instant(), origin(requester),
                access(requester, new Access(requester.role(), "refusal of an erasure request", AccessAction.UPDATE,
                        "Consent"), patientPseudonym)));
        return receipt(patientPseudonym, decision);
    }

    /** The receipt names the store position the decision reached, so a caller can wait for every read model. */
    private Receipt receipt(PatientPseudonym patientPseudonym, Decision decision) {
        return new Receipt(patientPseudonym, decision, axon.engine().headPosition());
    }

    /** Decisions on one patient may meet (online and by post at once): a clash is decided again, not a 500. */
    private <R> R send(Object command) {
        return Conflicts.retried(() -> commands.sendAndWait(command));
    }

    /** The stream this patient's decisions are in: found through any of their pseudonyms, else a new one. */
    public PatientPseudonym patientPseudonymOf(PatientIdentity patient, List<PatientPseudonym> pseudonyms) {
        return index.patientOf(pseudonyms).orElseGet(() -> pseudonymiser.pseudonymOf(patient));
    }

    public PatientPseudonym patientPseudonymOf(PatientIdentity patient) {
        return patientPseudonymOf(patient, pseudonymiser.everyPseudonymOf(patient));
    }

    /** The patient's decisions as {@code actor} reads them, recorded as that actor's access. */
    public ConsentStatus statusOf(Actor actor, String role, PatientIdentity patient) {
        return history.revealTo(actor, role, patientPseudonymOf(patient));
    }

    private DecisionOrigin origin(Requester requester) {
        return new DecisionOrigin(requester.role(), requester.channel(),
                requester.guardian().map(g -> pseudonymiser.pseudonymOf(g).value()).orElse(null),
                requester.letterReference());
    }

    private AccessRecordedEvent access(Requester requester, Access access, PatientPseudonym patientPseudonym) {
        return accessRecorder.describe(requester.actor(), access, List.of(patientPseudonym.value()),
                AccessOutcome.SUCCESS);
    }

    /** A reference a person can read out on the phone or write on a letter: kind, day, six unambiguous letters. */
    private String reference(String kind, Instant at) {
        StringBuilder code = new StringBuilder(kind).append('-').append(REFERENCE_DAY.format(at)).append('-');
        for (int i = 0; i < 6; i++) {
            code.append(REFERENCE_ALPHABET.charAt(random.nextInt(REFERENCE_ALPHABET.length())));
        }
        return code.toString();
    }
}
