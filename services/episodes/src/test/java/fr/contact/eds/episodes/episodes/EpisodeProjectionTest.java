package fr.contact.eds.episodes.episodes;

import static fr.contact.eds.episodes.episodes.EpisodeEvents.apply;
import static fr.contact.eds.episodes.episodes.EpisodeEvents.freshDatabase;
import static fr.contact.eds.episodes.episodes.EpisodeEvents.homeVisit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import fr.contact.eds.consent.api.Channel;
import fr.contact.eds.consent.api.DecisionOrigin;
import fr.contact.eds.consent.api.OppositionRegisteredEvent;
import fr.contact.eds.consent.api.OppositionWithdrawnEvent;
import fr.contact.eds.consent.api.ProjectOppositionRegisteredEvent;
import fr.contact.eds.consent.api.ProjectOppositionWithdrawnEvent;
import fr.contact.eds.ingestion.api.Code;
import fr.contact.eds.ingestion.api.EncounterClass;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.api.LaboratoryResultRecordedEvent;
import fr.contact.eds.ingestion.api.PractitionerDispatchedEvent;
import fr.contact.eds.ingestion.api.VitalSignRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.api.PersonalDataErasedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EpisodeProjectionTest {

    private static final String ICPC2 = "http://hl7.org/fhir/sid/icpc-2";
    private static final Instant CALL = Instant.parse("2026-01-15T19:52:00Z");
    private static final DecisionOrigin ONLINE = new DecisionOrigin("patient", Channel.ONLINE, null, null);
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
        void keepsLaboratoryResultsApartFromVitalSignsAndTheHomeApartFromWhereCareHappened() {
            MongoDatabase db = freshDatabase();
            apply(new EpisodeProjection(db), List.of(
                    new EpisodeOpenedEvent(new EpisodeId("ep-1"), "sos-paris", new PatientPseudonym("v1.p"), 1, "key-1",
                            "M", 34,
                            "25-34", 1992, "75", CALL,
                            EpisodeOpenedEvent.ABROAD),
                    new VitalSignRecordedEvent(new EpisodeId("ep-1"), "obs-1", new Code("http://loinc.org", "8310-5"),
                            new BigDecimal("38.4"), "Cel", CALL),
                    new LaboratoryResultRecordedEvent(new EpisodeId("ep-1"), "obs-2",
                            new Code("http://loinc.org", "2339-0"),
                            new BigDecimal("5.4"), "mmol/L", CALL)));

            Document stored = db.getCollection("episodes").find().first();
            assertThat(stored.getList("vitalSigns", Document.class)).extracting(d -> d.getString("observationId"))
                    .containsExactly("obs-1");
            assertThat(stored.getList("laboratoryResults", Document.class))
                    .extracting(d -> d.getString("observationId")).containsExactly("obs-2");
            Episode episode = new EpisodeQueries(db).byId("ep-1").orElseThrow();
            assertThat(episode.departement()).isEqualTo("75");
            assertThat(episode.residence()).isEqualTo("abroad");
        }

        @Test
        void showsNoEpisodeBeforeItIsOpened() {
            MongoDatabase db = freshDatabase();
            apply(new EpisodeProjection(db), homeVisit("ep-1", "v1.p", CALL).subList(1, 4));

            assertThat(new EpisodeQueries(db).byId("ep-1")).isEmpty();
        }
    }

    @Nested
    class ThePractitioner {

        private static final Instant AT = CALL.plusSeconds(2880);

        private Episode episodeAfter(List<Object> facts) {
            MongoDatabase db = freshDatabase();
            List<Object> events = new ArrayList<>(homeVisit("ep-1", "v1.p", CALL).subList(0, 2));
            events.addAll(facts);
            apply(new EpisodeProjection(db), events);
            return new EpisodeQueries(db).byId("ep-1").orElseThrow();
        }

        @Test
        void isTheOneWhoSawThePatientWhicheverArrivesFirst() {
            var sent = new PractitionerDispatchedEvent(new EpisodeId("ep-1"), CALL.plusSeconds(600), "v1.sent",
                    "associate");
            var seen = new EncounterRecordedEvent(new EpisodeId("ep-1"), EncounterClass.HOME_VISIT, AT,
                    AT.plusSeconds(900), AT,
                    "v1.seen", "resident");

            for (List<Object> order : List.of(List.<Object>of(sent, seen), List.<Object>of(seen, sent))) {
                Episode episode = episodeAfter(order);
                assertThat(episode.practitionerPseudonym()).isEqualTo("v1.seen");
                assertThat(episode.practitionerRole()).isEqualTo("resident");
                assertThat(episode.dispatchedAt()).isEqualTo(CALL.plusSeconds(600));
            }
        }

        @Test
        void isTheOneSentWhenTheEncounterNamesNone() {
            Episode episode = episodeAfter(List.of(
                    new EncounterRecordedEvent(new EpisodeId("ep-1"), EncounterClass.HOME_VISIT, AT,
                            AT.plusSeconds(900), AT, null,
                            null),
                    new PractitionerDispatchedEvent(new EpisodeId("ep-1"), CALL.plusSeconds(600), "v1.sent", "locum")));

            assertThat(episode.practitionerPseudonym()).isEqualTo("v1.sent");
            assertThat(episode.practitionerRole()).isEqualTo("locum");
        }

        @Test
        void hasNoRoleInADispatchStoredBeforeRolesWereKept() {
            var serializer = JacksonSerializer.builder()
                    .objectMapper(new ObjectMapper().findAndRegisterModules()).build();
            PractitionerDispatchedEvent revision1 = serializer.deserialize(new SimpleSerializedObject<>(
                    """
                            {"episodeId": "ep-1", "dispatchedAt": "2026-01-15T20:02:00Z", "practitionerPseudonym": "v1.old"}
                            """,
                    String.class, PractitionerDispatchedEvent.class.getName(), null));

            Episode episode = episodeAfter(List.of(revision1));
            assertThat(episode.practitionerPseudonym()).isEqualTo("v1.old");
            assertThat(episode.practitionerRole()).isNull();
            assertThat(episode.dispatchedAt()).isEqualTo(CALL.plusSeconds(600));
        }
    }

    @Nested
    class Opposition {

        private final OppositionRegisteredEvent opposed = new OppositionRegisteredEvent(new PatientPseudonym("v1.p"),
                List.of(new PatientPseudonym("v1.p"), new PatientPseudonym("v1.traits")), "d-1", "OPP-1", CALL, ONLINE);

        private void assertHidden(MongoDatabase db) {
            EpisodeQueries queries = new EpisodeQueries(db);
            assertThat(queries.byId("ep-1")).isEmpty();
            assertThat(queries.pathway(new PatientPseudonym("v1.p"))).isEmpty();
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

            apply(projection,
                    List.of(new OppositionWithdrawnEvent(new PatientPseudonym("v1.p"),
                            List.of(new PatientPseudonym("v1.p"), new PatientPseudonym("v1.traits")), "d-2",
                            "WDR-2", CALL, ONLINE)));
            assertThat(new EpisodeQueries(db).byId("ep-1")).isPresent();
        }
    }

    @Nested
    class ProjectOpposition {

        private final ProjectOppositionRegisteredEvent opposed = new ProjectOppositionRegisteredEvent(
                new PatientPseudonym("v1.p"),
                List.of(new PatientPseudonym("v1.p"), new PatientPseudonym("v1.traits")), "prj-1", "d-1", "OPP-1", CALL,
                ONLINE);

        private List<String> seenBy(MongoDatabase db, String projectId) {
            EpisodeFilter project = new EpisodeFilter(null, null, null, null, null, null, null, null, projectId);
            return new EpisodeQueries(db).search(project, null, 10).episodes().stream().map(Episode::episodeId)
                    .toList();
        }

        @Test
        void hidesThePatientFromThatProjectOnlyWhicheverComesFirst() {
            for (boolean oppositionFirst : List.of(true, false)) {
                MongoDatabase db = freshDatabase();
                var projection = new EpisodeProjection(db);
                if (oppositionFirst) {
                    apply(projection, List.of(opposed));
                }
                apply(projection, homeVisit("ep-1", "v1.p", CALL));
                apply(projection, homeVisit("ep-other", "v1.someone-else", CALL));
                if (!oppositionFirst) {
                    apply(projection, List.of(opposed));
                }

                assertThat(seenBy(db, "prj-1")).as("opposition first: " + oppositionFirst)
                        .containsExactly("ep-other");
                assertThat(new EpisodeQueries(db).byId("ep-1", new EpisodeFilter(null, null, null, null, null, null,
                        null, null, "prj-1"))).isEmpty();
                assertThat(seenBy(db, "prj-2")).containsExactlyInAnyOrder("ep-1", "ep-other");
                assertThat(new EpisodeQueries(db).byId("ep-1")).isPresent();
            }
        }

        @Test
        void showsThePatientAgainToThatProjectOnWithdrawal() {
            MongoDatabase db = freshDatabase();
            var projection = new EpisodeProjection(db);
            apply(projection, List.of(opposed));
            apply(projection, homeVisit("ep-1", "v1.p", CALL));
            apply(projection,
                    List.of(new ProjectOppositionWithdrawnEvent(new PatientPseudonym("v1.p"),
                            List.of(new PatientPseudonym("v1.p"), new PatientPseudonym("v1.traits")),
                            "prj-1", "d-2", "WDR-2", CALL, ONLINE)));
            apply(projection, homeVisit("ep-2", "v1.p", CALL.plusSeconds(86_400)));

            assertThat(seenBy(db, "prj-1")).containsExactlyInAnyOrder("ep-1", "ep-2");
        }
    }

    @Test
    void rebuildsIntoANewGenerationWhileTheOldOneKeepsServingThenSwitches() {
        MongoDatabase db = freshDatabase();
        var live = new EpisodeProjection(db);
        var standby = new EpisodeProjection(db, new ResearchIdentifiers(db), EpisodeGenerations.SLOT_B);
        EpisodeGenerations generations = live.generations();
        apply(live, homeVisit("ep-1", "v1.p", CALL));
        Document before = db.getCollection("episodes").find().first();
        EpisodeQueries queries = new EpisodeQueries(db);

        apply(standby, homeVisit("ep-9", "v1.z", CALL));
        assertThat(db.getCollection("episodes-g1").countDocuments()).as("a standby slot writes nothing").isZero();

        assertThat(generations.requestRebuild(42)).isTrue();
        assertThat(generations.requestRebuild(42)).as("one rebuild at a time").isFalse();
        EpisodeGenerations.Rebuild rebuild = generations.rebuild().orElseThrow();
        assertThat(rebuild.processor()).isEqualTo(EpisodeGenerations.SLOT_B);
        assertThat(generations.switchToRebuilt(rebuild)).as("not before its tokens were reset").isFalse();
        assertThat(generations.beginCatchingUp(rebuild)).isTrue();
        rebuild = generations.rebuild().orElseThrow();
        live.refresh();
        standby.refresh();
        apply(standby, homeVisit("ep-1", "v1.p", CALL).subList(0, 4));
        apply(live, homeVisit("ep-2", "v1.q", CALL));
        apply(standby, homeVisit("ep-2", "v1.q", CALL));

        assertThat(queries.byId("ep-1").orElseThrow().outcome()).as("the old generation still serves")
                .isEqualTo("HOME");
        assertThat(queries.byId("ep-2")).as("and receives new events").isPresent();

        apply(standby, homeVisit("ep-1", "v1.p", CALL).subList(4, 9));
        assertThat(generations.switchToRebuilt(rebuild)).isTrue();
        assertThat(generations.switchToRebuilt(rebuild)).as("a switch happens once").isFalse();

        assertThat(db.getCollection("episodes-g1").find(new Document("_id", "ep-1")).first()).isEqualTo(before);
        assertThat(queries.byId("ep-2")).isPresent();
        assertThat(generations.state().liveProcessor()).isEqualTo(EpisodeGenerations.SLOT_B);
        assertThat(db.listCollectionNames()).doesNotContain("episodes");
    }

    @Test
    void dropsWhatALateWriterLeavesOfTheGenerationSwitchedAwayFrom() {
        MongoDatabase db = freshDatabase();
        var live = new EpisodeProjection(db);
        var standby = new EpisodeProjection(db, new ResearchIdentifiers(db), EpisodeGenerations.SLOT_B);
        EpisodeGenerations generations = live.generations();
        apply(live, homeVisit("ep-1", "v1.p", CALL));
        generations.requestRebuild(42);
        generations.beginCatchingUp(generations.rebuild().orElseThrow());
        standby.refresh();
        apply(standby, homeVisit("ep-1", "v1.p", CALL));
        live.refresh(); // the old slot knows its generation...
        generations.switchToRebuilt(generations.rebuild().orElseThrow());
        // ...and writes to it once more before it is stopped or its cache expires, recreating it.
        apply(live, homeVisit("ep-2", "v1.q", CALL));
        assertThat(db.listCollectionNames()).contains("episodes");

        standby.refresh();

        assertThat(db.listCollectionNames()).doesNotContain("episodes", "opposedPseudonyms")
                .contains("episodes-g1");
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

        assertThat(new EpisodeQueries(db).pathway(new PatientPseudonym("v1.p")))
                .extracting(Episode::episodeId, Episode::returnWithin72h)
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
