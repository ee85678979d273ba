package fr.contact.eds.ingestion.intake;

import fr.contact.eds.ingestion.api.AcceptBundleCommand;
import fr.contact.eds.ingestion.api.BundleAcceptedEvent;
import fr.contact.eds.ingestion.api.EpisodeEvent;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.config.IngestionConfig;
import fr.contact.eds.ingestion.fhir.MappedBundle;
import fr.contact.eds.ingestion.fhir.MappedEpisode;
import fr.contact.eds.ingestion.gate.OppositionGate;
import fr.contact.eds.platform.access.Access;
import fr.contact.eds.platform.access.AccessRecorder;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.consistency.DeadLetterGate;
import fr.contact.eds.platform.consistency.ProjectionBarrier;
import fr.contact.eds.platform.crypto.SubjectKeys;
import fr.contact.eds.platform.security.Roles;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The second step of intake: prepared bundles meet the patients' oppositions and become the commands that store
 * them, each with its access record and its patients' keys.
 */
@Singleton
public class IntakeGate {

    private static final Access INTAKE = new Access(Roles.ASSOCIATION, "care data intake", AccessAction.CREATE,
            "Bundle");

    private final AccessRecorder accessRecorder;
    private final ProjectionBarrier barrier;
    private final DeadLetterGate deadLetters;
    private final OppositionGate oppositions;
    private final IngestionConfig config;
    private final SubjectKeys subjectKeys;

    public IntakeGate(AccessRecorder accessRecorder, ProjectionBarrier barrier, DeadLetterGate deadLetters,
            OppositionGate oppositions, IngestionConfig config, SubjectKeys subjectKeys) {
        this.accessRecorder = accessRecorder;
        this.barrier = barrier;
        this.deadLetters = deadLetters;
        this.oppositions = oppositions;
        this.config = config;
        this.subjectKeys = subjectKeys;
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
}
