package fr.contact.eds.episodes.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.contact.eds.consent.api.Channel;
import fr.contact.eds.consent.api.DecisionOrigin;
import fr.contact.eds.consent.api.OppositionRegisteredEvent;
import fr.contact.eds.consent.api.OppositionWithdrawnEvent;
import fr.contact.eds.ingestion.api.CallReceivedEvent;
import fr.contact.eds.ingestion.api.Code;
import fr.contact.eds.ingestion.api.DiagnosisRecordedEvent;
import fr.contact.eds.ingestion.api.Disposition;
import fr.contact.eds.ingestion.api.EncounterClass;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.api.GpHandOffRecordedEvent;
import fr.contact.eds.ingestion.api.OutcomeRecordedEvent;
import fr.contact.eds.ingestion.api.PractitionerDispatchedEvent;
import fr.contact.eds.ingestion.api.PrescriptionRecordedEvent;
import fr.contact.eds.ingestion.api.VitalSignRecordedEvent;
import fr.contact.eds.platform.api.PersonalDataErasedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EpisodeProjectionTest {

    private static final String ICPC2 = "http://hl7.org/fhir/sid/icpc-2";
    private static final Instant CALL = Instant.parse("2026-01-15T19:52:00Z");
    private static final DecisionOrigin ONLINE = new DecisionOrigin("patient", Channel.ONLINE, null, null);
    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress()
                .getPort());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    private static MongoDatabase freshDatabase() {
        return client.getDatabase("episodes-" + System.nanoTime());
    }

    /** Every facet of one home visit, in business order. */
    private static List<Object> homeVisit(String episodeId, String patient, Instant call) {
        return List.of(
                new EpisodeOpenedEvent(episodeId, "sos-paris", patient, 1, "key-" + patient, "F", 70, "65-74", 1955,
                        "75", call.plusSeconds(2880)),
                new CallReceivedEvent(episodeId, call, List.of(new Code(ICPC2, "R05")), "P2", "home-visit"),
                new PractitionerDispatchedEvent(episodeId, call.plusSeconds(600), "v1.practitioner"),
                new EncounterRecordedEvent(episodeId, EncounterClass.HOME_VISIT, call.plusSeconds(2880),
                        call.plusSeconds(4680), call.plusSeconds(2880)),
                new DiagnosisRecordedEvent(episodeId, "dx-1", List.of(new Code(ICPC2, "R78"),
                        new Code("http://hl7.org/fhir/sid/icd-10", "J20.9"))),
                new VitalSignRecordedEvent(episodeId, "obs-1", new Code("http://loinc.org", "8310-5"),
                        new BigDecimal("38.4"), "Cel", call.plusSeconds(3000)),
                new PrescriptionRecordedEvent(episodeId, "rx-1", List.of(new Code("http://www.whocc.no/atc",
                        "N02BE01")), call.plusSeconds(4000)),
                new OutcomeRecordedEvent(episodeId, Disposition.HOME, call.plusSeconds(4680)),
                new GpHandOffRecordedEvent(episodeId, call.plusSeconds(4700)));
    }

    private static void apply(EpisodeProjection projection, List<Object> events) {
        for (Object event : events) {
            if (event instanceof EpisodeOpenedEvent e) {
                projection.on(e);
            } else if (event instanceof CallReceivedEvent e) {
                projection.on(e);
            } else if (event instanceof PractitionerDispatchedEvent e) {
                projection.on(e);
            } else if (event instanceof EncounterRecordedEvent e) {
                projection.on(e);
            } else if (event instanceof DiagnosisRecordedEvent e) {
                projection.on(e);
            } else if (event instanceof VitalSignRecordedEvent e) {
                projection.on(e);
            } else if (event instanceof PrescriptionRecordedEvent e) {
                projection.on(e);
            } else if (event instanceof OutcomeRecordedEvent e) {
                projection.on(e);
            } else if (event instanceof GpHandOffRecordedEvent e) {
                projection.on(e);
            } else if (event instanceof OppositionRegisteredEvent e) {
                projection.on(e);
            } else if (event instanceof OppositionWithdrawnEvent e) {
                projection.on(e);
            } else if (event instanceof PersonalDataErasedEvent e) {
                projection.on(e);
            } else {
                throw new IllegalArgumentException("not an episodes event: " + event);
            }
        }
    }

    @Nested
    class Converging {

        @Test
        void buildsTheSameEpisodeWhateverTheOrderAndHoweverOftenEventsArrive() {
            MongoDatabase inOrder = freshDatabase();
            apply(new EpisodeProjection(inOrder), homeVisit("ep-1", "v1.p", CALL));
            Document expected = inOrder.getCollection("episodes").find().first();

            for (long seed = 1; seed <= 5; seed++) {
                List<Object> shuffled = new ArrayList<>(homeVisit("ep-1", "v1.p", CALL));
                shuffled.addAll(homeVisit("ep-1", "v1.p", CALL).subList(2, 6));
                Collections.shuffle(shuffled, new Random(seed));
                MongoDatabase anyOrder = freshDatabase();
                apply(new EpisodeProjection(anyOrder), shuffled);

                assertThat(anyOrder.getCollection("episodes").find().first()).as("seed " + seed)
                        .isEqualTo(expected);
            }
        }

        @Test
        void answersTheWholeEpisodeWithItsTimings() {
            MongoDatabase db = freshDatabase();
            apply(new EpisodeProjection(db), homeVisit("ep-1", "v1.p", CALL));

            Episode episode = new EpisodeQueries(db).byId("ep-1").orElseThrow();
            assertThat(episode.modality()).isEqualTo("HOME_VISIT");
            assertThat(episode.timings()).isEqualTo(new Episode.Timings(10L, 48L, 30L));
            assertThat(episode.diagnoses()).extracting(Episode.CodeView::code).containsExactly("R78", "J20.9");
            assertThat(episode.outcome()).isEqualTo("HOME");
            assertThat(episode.call().triagePriority()).isEqualTo("P2");
        }

        @Test
        void showsNoEpisodeBeforeItIsOpened() {
            MongoDatabase db = freshDatabase();
            apply(new EpisodeProjection(db), homeVisit("ep-1", "v1.p", CALL).subList(1, 4));

            assertThat(new EpisodeQueries(db).byId("ep-1")).isEmpty();
        }
    }

    @Nested
    class Opposition {

        private final OppositionRegisteredEvent opposed = new OppositionRegisteredEvent("v1.p",
                List.of("v1.p", "v1.traits"), "d-1", "OPP-1", CALL, ONLINE);

        private void assertHidden(MongoDatabase db) {
            EpisodeQueries queries = new EpisodeQueries(db);
            assertThat(queries.byId("ep-1")).isEmpty();
            assertThat(queries.pathway("v1.p")).isEmpty();
            EpisodePage page = queries.search(new EpisodeFilter(null, null, null, null, null, null, null, null),
                    null, 10);
            assertThat(page.episodes()).extracting(Episode::episodeId).containsExactly("ep-other");
            assertThat(page.total()).isEqualTo(1);
        }

        @Test
        void hidesThePatientsEpisodesOnEveryPathWhenTheOppositionComesAfter() {
            MongoDatabase db = freshDatabase();
            var projection = new EpisodeProjection(db);
            apply(projection, homeVisit("ep-1", "v1.p", CALL));
            apply(projection, homeVisit("ep-other", "v1.someone-else", CALL));
            apply(projection, List.of(opposed));

            assertHidden(db);
        }

        @Test
        void hidesEpisodesArrivingAfterTheOppositionAndShowsThemAgainOnWithdrawal() {
            MongoDatabase db = freshDatabase();
            var projection = new EpisodeProjection(db);
            apply(projection, List.of(opposed));
            apply(projection, homeVisit("ep-1", "v1.p", CALL));
            apply(projection, homeVisit("ep-other", "v1.someone-else", CALL));
            assertHidden(db);

            apply(projection, List.of(new OppositionWithdrawnEvent("v1.p", List.of("v1.p", "v1.traits"), "d-2",
                    "WDR-2", CALL, ONLINE)));
            assertThat(new EpisodeQueries(db).byId("ep-1")).isPresent();
        }
    }

    @Test
    void dropsThePatientsPersonalFieldsWhenTheirKeyIsErased() {
        MongoDatabase db = freshDatabase();
        var projection = new EpisodeProjection(db);
        apply(projection, homeVisit("ep-1", "v1.p", CALL));

        apply(projection, List.of(new PersonalDataErasedEvent(List.of("key-v1.p"), CALL)));

        Document stored = db.getCollection("episodes").find().first();
        assertThat(stored).doesNotContainKeys("patientPseudonym", "sex", "ageYears", "birthYear");
        assertThat(stored.getString("ageBand")).isEqualTo("65-74");
    }

    @Test
    void flagsAReturnWithin72HoursInThePatientsPathway() {
        MongoDatabase db = freshDatabase();
        var projection = new EpisodeProjection(db);
        apply(projection, homeVisit("ep-1", "v1.p", CALL));
        apply(projection, homeVisit("ep-2", "v1.p", CALL.plusSeconds(2 * 86_400)));
        apply(projection, homeVisit("ep-3", "v1.p", CALL.plusSeconds(10 * 86_400)));

        assertThat(new EpisodeQueries(db).pathway("v1.p")).extracting(Episode::episodeId, Episode::returnWithin72h)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ep-1", false),
                        org.assertj.core.groups.Tuple.tuple("ep-2", true),
                        org.assertj.core.groups.Tuple.tuple("ep-3", false));
    }

    @Test
    void pagesThroughEveryEpisodeOnceWithAStableCursor() {
        MongoDatabase db = freshDatabase();
        var projection = new EpisodeProjection(db);
        for (int i = 0; i < 7; i++) {
            apply(projection, homeVisit("ep-" + i, "v1.p" + i, CALL.plusSeconds(i % 3 * 60L)));
        }
        EpisodeQueries queries = new EpisodeQueries(db);
        EpisodeFilter all = new EpisodeFilter(null, null, null, null, null, null, null, null);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            EpisodePage page = queries.search(all, cursor, 3);
            assertThat(page.total()).isEqualTo(7);
            page.episodes().forEach(e -> seen.add(e.episodeId()));
            cursor = page.next();
        } while (cursor != null);

        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    }
}
