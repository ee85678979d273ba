package fr.contact.eds.episodes.episodes;

import static fr.contact.eds.episodes.episodes.EpisodeEvents.apply;
import static fr.contact.eds.episodes.episodes.EpisodeEvents.freshDatabase;
import static fr.contact.eds.episodes.episodes.EpisodeEvents.homeVisit;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import fr.contact.eds.consent.api.Channel;
import fr.contact.eds.consent.api.DecisionOrigin;
import fr.contact.eds.consent.api.OppositionRegisteredEvent;
import fr.contact.eds.consent.api.OppositionWithdrawnEvent;
import fr.contact.eds.consent.api.ProjectOppositionRegisteredEvent;
import fr.contact.eds.consent.api.ProjectOppositionWithdrawnEvent;
import fr.contact.eds.ingestion.api.CallReceivedEvent;
import fr.contact.eds.ingestion.api.Code;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.api.PersonalDataErasedEvent;
import fr.contact.eds.platform.api.PersonalFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Episodes and their patients' decisions are handled in sequences of their own, side by side (two segments, or two
 * replicas): whatever the interleaving, every episode must end up with its patient's latest decision.
 */
class SideBySideSequencesTest {

    private static final Instant CALL = Instant.parse("2026-01-15T19:52:00Z");
    private static final DecisionOrigin ONLINE = new DecisionOrigin("patient", Channel.ONLINE, null, null);
    private static final List<PatientPseudonym> PSEUDONYMS = List.of(new PatientPseudonym("v1.p"),
            new PatientPseudonym("v1.traits"));

    @Test
    void showsEachEpisodeWithItsPatientsLatestDecisionWhateverTheInterleaving() throws Exception {
        Random random = new Random(7);
        for (int trial = 0; trial < 25; trial++) {
            MongoDatabase db = freshDatabase();
            List<Object> decisions = new ArrayList<>();
            boolean opposed = false;
            boolean projectOpposed = false;
            for (int d = 0; d < 6; d++) {
                if (random.nextBoolean()) {
                    decisions.add(opposed ? withdrawal() : opposition());
                    opposed = !opposed;
                } else {
                    decisions.add(projectOpposed ? projectWithdrawal() : projectOpposition());
                    projectOpposed = !projectOpposed;
                }
            }
            List<Object> episodes = new ArrayList<>();
            for (int e = 0; e < 8; e++) {
                episodes.addAll(homeVisit("ep-" + e, "v1.p", CALL.plusSeconds(e)));
            }

            side(db, episodes, decisions);

            for (Document episode : db.getCollection("episodes").find()) {
                assertThat(episode.getBoolean("opposed", false)).as("trial %d, %s", trial, episode.get("_id"))
                        .isEqualTo(opposed);
                assertThat(episode.getList(EpisodeDocument.OPPOSED_PROJECTS, String.class, List.of()))
                        .as("trial %d, %s", trial, episode.get("_id"))
                        .isEqualTo(projectOpposed ? List.of("prj-1") : List.of());
            }
            assertThat(db.getCollection("episodes").countDocuments()).isEqualTo(8);
        }
    }

    @Test
    void erasesEpisodesWrittenWhileTheirKeyWasBeingErased() throws Exception {
        for (int trial = 0; trial < 25; trial++) {
            MongoDatabase db = freshDatabase();
            List<Object> episodes = new ArrayList<>();
            for (int e = 0; e < 8; e++) {
                episodes.addAll(homeVisit("ep-" + e, "v1.p", CALL.plusSeconds(e)).subList(0, 2));
            }

            side(db, episodes, List.of(new PersonalDataErasedEvent(List.of("key-v1.p"), CALL)));

            for (Document episode : db.getCollection("episodes").find()) {
                assertThat(episode).as("trial %d", trial).doesNotContainKeys(PersonalFields.of(EpisodeOpenedEvent.class)
                        .toArray(String[]::new)).containsEntry("erased", true);
            }
        }
    }

    @Test
    void keepsTheNewerDecisionWhenAnOlderOneIsDeliveredAgain() {
        MongoDatabase db = freshDatabase();
        var projection = new EpisodeProjection(db);
        apply(projection, homeVisit("ep-1", "v1.p", CALL));
        projection.on(opposition(), new GlobalSequenceTrackingToken(1_000_001));
        projection.on(withdrawal(), new GlobalSequenceTrackingToken(1_000_002));

        projection.on(opposition(), new GlobalSequenceTrackingToken(1_000_001));
        apply(projection, homeVisit("ep-2", "v1.p", CALL));

        assertThat(new EpisodeQueries(db).byId("ep-1")).isPresent();
        assertThat(new EpisodeQueries(db).byId("ep-2")).isPresent();
    }

    @Test
    void letsNoDecisionTakenAfterAnErasureReachTheEpisodesItErased() {
        MongoDatabase db = freshDatabase();
        var projection = new EpisodeProjection(db);
        apply(projection, List.of(new PersonalDataErasedEvent(List.of("key-v1.p"), CALL), opposition()));

        // An opening read before the erasure and written after both decisions: as if it had been written in time.
        apply(projection, homeVisit("ep-1", "v1.p", CALL));

        Document stored = db.getCollection("episodes").find().first();
        assertThat(stored).doesNotContainKeys("patientPseudonym", "opposed").containsEntry("erased", true);
    }

    @Test
    void sequencesEachEpisodeAndEachPatientsDecisionsAlone() {
        EpisodeSequencing sequencing = new EpisodeSequencing();
        Object first = sequencing
                .getSequenceIdentifierFor(inBundle("b-1", new CallReceivedEvent(new EpisodeId("ep-1"), CALL,
                        List.of(new Code("http://hl7.org/fhir/sid/icpc-2", "R05")), "P2", "home-visit")));
        Object again = sequencing.getSequenceIdentifierFor(inBundle("b-2", homeVisit("ep-1", "v1.p", CALL).get(0)));
        Object other = sequencing.getSequenceIdentifierFor(inBundle("b-1", homeVisit("ep-2", "v1.p", CALL).get(0)));
        assertThat(again).as("the same episode from another bundle").isEqualTo(first);
        assertThat(other).as("another episode of the same bundle").isNotEqualTo(first);

        Object opposition = sequencing.getSequenceIdentifierFor(decidedBy("v1.p", opposition()));
        Object erasure = sequencing.getSequenceIdentifierFor(decidedBy("v1.p",
                new PersonalDataErasedEvent(List.of("key-v1.p"), CALL)));
        assertThat(erasure).isEqualTo(opposition).isNotEqualTo(first);
        assertThat(sequencing.getSequenceIdentifierFor(decidedBy("v1.q", opposition()))).isNotEqualTo(opposition);
        assertThat(sequencing.getSequenceIdentifierFor(GenericEventMessage.asEventMessage("alone")))
                .isNotEqualTo(sequencing.getSequenceIdentifierFor(GenericEventMessage.asEventMessage("alone")));
    }

    /** The episodes on one projection, the decisions on another, started together. */
    private static void side(MongoDatabase db, List<Object> episodes, List<Object> decisions) throws Exception {
        EpisodeProjection episodeSegment = new EpisodeProjection(db);
        EpisodeProjection patientSegment = new EpisodeProjection(db);
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> {
            await(start);
            apply(episodeSegment, episodes);
        });
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> {
            await(start);
            apply(patientSegment, decisions);
        });
        CompletableFuture.allOf(a, b).get();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DomainEventMessage<?> inBundle(String bundleKey, Object event) {
        return new GenericDomainEventMessage<>("BundleIntake", bundleKey, 0, event);
    }

    private static DomainEventMessage<?> decidedBy(String patient, Object event) {
        return new GenericDomainEventMessage<>("PatientConsent", patient, 0, event);
    }

    private static OppositionRegisteredEvent opposition() {
        return new OppositionRegisteredEvent(new PatientPseudonym("v1.p"), PSEUDONYMS, "d-1", "OPP-1", CALL, ONLINE);
    }

    private static OppositionWithdrawnEvent withdrawal() {
        return new OppositionWithdrawnEvent(new PatientPseudonym("v1.p"), PSEUDONYMS, "d-2", "WDR-2", CALL, ONLINE);
    }

    private static ProjectOppositionRegisteredEvent projectOpposition() {
        return new ProjectOppositionRegisteredEvent(new PatientPseudonym("v1.p"), PSEUDONYMS, "prj-1", "d-3", "OPP-3",
                CALL, ONLINE);
    }

    private static ProjectOppositionWithdrawnEvent projectWithdrawal() {
        return new ProjectOppositionWithdrawnEvent(new PatientPseudonym("v1.p"), PSEUDONYMS, "prj-1", "d-4", "WDR-4",
                CALL, ONLINE);
    }
}
