package fr.contact.eds.catalog.extracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import fr.contact.eds.catalog.api.Permit;
import fr.contact.eds.catalog.warehouse.ResearchProjection;
import fr.contact.eds.consent.api.Channel;
import fr.contact.eds.consent.api.DecisionOrigin;
import fr.contact.eds.consent.api.OppositionRegisteredEvent;
import fr.contact.eds.consent.api.ProjectOppositionRegisteredEvent;
import fr.contact.eds.ingestion.api.CallReceivedEvent;
import fr.contact.eds.ingestion.api.Code;
import fr.contact.eds.ingestion.api.DiagnosisRecordedEvent;
import fr.contact.eds.ingestion.api.Disposition;
import fr.contact.eds.ingestion.api.EncounterClass;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.api.LaboratoryResultRecordedEvent;
import fr.contact.eds.ingestion.api.OutcomeRecordedEvent;
import fr.contact.eds.ingestion.api.PrescriptionRecordedEvent;
import fr.contact.eds.ingestion.api.VitalSignRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.pseudonymisation.ProjectPseudonyms;
import fr.contact.eds.testing.MemoryMongo;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extracts written from projected care data, then loaded unchanged into the official OHDSI OMOP CDM 5.4 schema in a
 * real PostgreSQL, with its primary keys, foreign keys and indices.
 */
class OmopExtractWriterTest {

    private static final String ICPC2 = "http://hl7.org/fhir/sid/icpc-2";
    private static final List<String> ALL_VARIABLES = fr.contact.eds.catalog.api.Variables.ALL;

    @TempDir
    Path dir;

    private static void homeVisit(ResearchProjection projection, String episodeId, String patient, Instant at) {
        projection.on(new EpisodeOpenedEvent(new EpisodeId(episodeId), "sos-paris", new PatientPseudonym(patient), 1,
                "k-" + patient,
                "F", 70, "65-74",
                1955, "75", at));
        projection.on(new CallReceivedEvent(new EpisodeId(episodeId), at.minusSeconds(3600),
                List.of(new Code(ICPC2, "R05")), "P2",
                "visit"));
        projection.on(new EncounterRecordedEvent(new EpisodeId(episodeId), EncounterClass.HOME_VISIT, at,
                at.plusSeconds(1800), at,
                "v1.practitioner", "associate"));
        projection.on(new DiagnosisRecordedEvent(new EpisodeId(episodeId), "dx.1", List.of(new Code(ICPC2, "R78"),
                new Code("http://hl7.org/fhir/sid/icd-10", "J20.9"))));
        projection.on(new PrescriptionRecordedEvent(new EpisodeId(episodeId), "rx-1",
                List.of(new Code("http://www.whocc.no/atc",
                        "J01CA04")),
                at.plusSeconds(1700)));
        projection
                .on(new VitalSignRecordedEvent(new EpisodeId(episodeId), "t-1", new Code("http://loinc.org", "8310-5"),
                        new BigDecimal("38.4"), "Cel", at.plusSeconds(600)));
        projection.on(new LaboratoryResultRecordedEvent(new EpisodeId(episodeId), "lab-1",
                new Code("http://loinc.org", "2339-0"),
                new BigDecimal("5.4"), "mmol/L", at.plusSeconds(900)));
        projection.on(new OutcomeRecordedEvent(new EpisodeId(episodeId), Disposition.HOME, at.plusSeconds(1800)));
    }

    private static Permit permit(List<String> variables, boolean shiftDates) {
        return new Permit("permit-p", List.of("r-1"), List.of("unscheduled-care-episodes"), variables,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2099, 1, 1), shiftDates);
    }

    private OmopExtractWriter.Result write(MongoDatabase db, String projectId, Permit permit) throws IOException {
        return new OmopExtractWriter(db).write(projectId, permit, new ProjectPseudonyms(new byte[32], projectId),
                Map.of("extract_id", "ext-1"), name -> Files.newOutputStream(dir.resolve(name)));
    }

    private Connection omopDatabase() throws Exception {
        return OmopOfficialSchema.load(dir);
    }

    private static long count(Connection cdm, String sql) throws SQLException {
        return OmopOfficialSchema.count(cdm, sql);
    }

    @Test
    void writesFilesThatLoadUnchangedIntoTheOmop54Schema() throws Exception {
        MongoDatabase db = MemoryMongo.freshDatabase("extract");
        ResearchProjection projection = new ResearchProjection(db);
        homeVisit(projection, "ep-1", "v1.alice", Instant.parse("2026-02-03T21:10:00Z"));
        homeVisit(projection, "ep-2", "v1.alice", Instant.parse("2026-02-05T22:00:00Z"));
        homeVisit(projection, "ep-3", "v1.bob", Instant.parse("2026-03-01T02:00:00Z"));
        homeVisit(projection, "ep-old", "v1.carol", Instant.parse("2025-06-01T10:00:00Z"));

        OmopExtractWriter.Result result = write(db, "prj-a", permit(ALL_VARIABLES, false));

        assertThat(result.includedPatients()).extracting(PatientPseudonym::value).containsExactly("v1.alice", "v1.bob");
        assertThat(result.files()).containsKeys("PERSON.csv", "OBSERVATION_PERIOD.csv", "VISIT_OCCURRENCE.csv",
                "VISIT_DETAIL.csv",
                "CONDITION_OCCURRENCE.csv", "DRUG_EXPOSURE.csv", "OBSERVATION.csv", "EPISODE.csv",
                "EPISODE_EVENT.csv", "CDM_SOURCE.csv", "METADATA.csv");
        try (Connection cdm = omopDatabase()) {
            assertThat(count(cdm, "SELECT COUNT(*) FROM person")).isEqualTo(2);
            assertThat(count(cdm, "SELECT COUNT(*) FROM visit_occurrence WHERE visit_concept_id = 581476"))
                    .isEqualTo(3);
            assertThat(count(cdm, "SELECT COUNT(*) FROM condition_occurrence")).isEqualTo(6);
            assertThat(count(cdm, "SELECT COUNT(*) FROM drug_exposure WHERE drug_source_value = 'ATC:J01CA04'"))
                    .isEqualTo(3);
            assertThat(count(cdm, "SELECT COUNT(*) FROM measurement WHERE measurement_source_value = 'LOINC:8310-5' "
                    + "AND value_as_number = 38.4 AND unit_source_value = 'Cel' AND measurement_type_concept_id = 32817"))
                    .as("vital signs").isEqualTo(3);
            assertThat(count(cdm, "SELECT COUNT(*) FROM measurement WHERE measurement_source_value = 'LOINC:2339-0' "
                    + "AND value_as_number = 5.4 AND measurement_type_concept_id = 32856")).as("laboratory results")
                    .isEqualTo(3);
            assertThat(count(cdm, "SELECT COUNT(*) FROM observation WHERE observation_source_value LIKE 'LOINC:%'"))
                    .isZero();
            assertThat(count(cdm, "SELECT COUNT(*) FROM episode_event WHERE episode_event_field_concept_id = 1147070"))
                    .as("visit_occurrence.visit_occurrence_id field").isEqualTo(3);
            assertThat(count(cdm, "SELECT COUNT(*) FROM visit_occurrence WHERE discharged_to_source_value = 'HOME' "
                    + "AND discharged_to_concept_id = 0")).as("home is 0 by the CDM's convention").isEqualTo(3);
            assertThat(count(cdm, "SELECT MIN(year_of_birth) FROM person")).isEqualTo(1955);
            assertThat(count(cdm, "SELECT COUNT(*) FROM person WHERE person_source_value LIKE 'v1.%'")).isZero();
            assertThat(count(cdm, "SELECT COUNT(*) FROM visit_occurrence WHERE visit_start_date < DATE '2026-01-01'"))
                    .isZero();
            assertThat(count(cdm, "SELECT cdm_version_concept_id FROM cdm_source")).isEqualTo(756265);
            assertThat(count(cdm, "SELECT COUNT(*) FROM person p WHERE (SELECT COUNT(*) FROM observation_period o "
                    + "WHERE o.person_id = p.person_id) <> 1")).as("one observation period per person").isZero();
            assertThat(count(cdm, "SELECT COUNT(*) FROM observation_period WHERE observation_period_start_date = "
                    + "DATE '2026-02-03' AND observation_period_end_date = DATE '2026-02-05'"))
                    .as("alice's two episodes").isEqualTo(1);
        }
        String sha = result.files().get("PERSON.csv").sha256();
        assertThat(sha).isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest
                .getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve("PERSON.csv")))));
    }

    @Test
    void writesWhereThePatientWasSentAndADeathOncePerPerson() throws Exception {
        MongoDatabase db = MemoryMongo.freshDatabase("extract");
        ResearchProjection projection = new ResearchProjection(db);
        Instant at = Instant.parse("2026-05-01T03:00:00Z");
        homeVisit(projection, "ep-ed", "v1.erin", at);
        projection.on(new OutcomeRecordedEvent(new EpisodeId("ep-ed"), Disposition.EMERGENCY_DEPARTMENT,
                at.plusSeconds(1800)));
        homeVisit(projection, "ep-in", "v1.erin", at.plusSeconds(86_400));
        projection.on(
                new OutcomeRecordedEvent(new EpisodeId("ep-in"), Disposition.HOSPITALISATION, at.plusSeconds(88_000)));
        homeVisit(projection, "ep-d1", "v1.fred", at);
        projection.on(new OutcomeRecordedEvent(new EpisodeId("ep-d1"), Disposition.DEATH, at.plusSeconds(1800)));
        homeVisit(projection, "ep-d2", "v1.fred", at.plusSeconds(60));
        projection.on(new OutcomeRecordedEvent(new EpisodeId("ep-d2"), Disposition.DEATH, at.plusSeconds(1900)));

        write(db, "prj-d", permit(ALL_VARIABLES, false));

        try (Connection cdm = omopDatabase()) {
            assertThat(count(cdm, "SELECT COUNT(*) FROM visit_occurrence WHERE discharged_to_concept_id = 9203"))
                    .as("emergency room").isEqualTo(1);
            assertThat(count(cdm, "SELECT COUNT(*) FROM visit_detail WHERE discharged_to_concept_id = 9201"))
                    .as("inpatient").isEqualTo(1);
            assertThat(count(cdm, "SELECT COUNT(*) FROM death")).isEqualTo(1);
            assertThat(count(cdm, "SELECT COUNT(*) FROM death d JOIN person p ON p.person_id = d.person_id "
                    + "WHERE d.death_date = DATE '2026-05-01'")).isEqualTo(1);
        }
    }

    @Test
    void writesNoControlCharacterAnAssociationSentAndCodesTeleconsultationsAsTelehealth() throws Exception {
        MongoDatabase db = MemoryMongo.freshDatabase("extract");
        ResearchProjection projection = new ResearchProjection(db);
        Instant at = Instant.parse("2026-04-01T10:00:00Z");
        projection.on(new EpisodeOpenedEvent(new EpisodeId("ep-nul"), "sos-paris", new PatientPseudonym("v1.dan"), 1,
                "k-v1.dan", "M",
                40, "15-44", 1986,
                "75", at));
        projection.on(new EncounterRecordedEvent(new EpisodeId("ep-nul"), EncounterClass.TELECONSULTATION, at,
                at.plusSeconds(900),
                null, "v1.practitioner", "associate"));
        projection.on(
                new DiagnosisRecordedEvent(new EpisodeId("ep-nul"), "dx.1", List.of(new Code(ICPC2, "R7\u00008\t"))));

        write(db, "prj-c", permit(ALL_VARIABLES, false));

        for (String table : OmopColumns.TABLES.keySet()) {
            String text = Files.readString(dir.resolve(table + ".csv"));
            assertThat(text.replace("\n", "").chars().filter(Character::isISOControl)).as(table).isEmpty();
        }
        try (Connection cdm = omopDatabase()) {
            assertThat(count(cdm, "SELECT COUNT(*) FROM condition_occurrence")).isEqualTo(1);
            assertThat(count(cdm, "SELECT visit_concept_id FROM visit_occurrence")).isEqualTo(5083);
        }
    }

    @Test
    void leavesOutPatientsOpposedToAllReuseOrToThisProjectAndCountsThem() throws Exception {
        MongoDatabase db = MemoryMongo.freshDatabase("extract");
        ResearchProjection projection = new ResearchProjection(db);
        homeVisit(projection, "ep-1", "v1.alice", Instant.parse("2026-02-03T21:10:00Z"));
        homeVisit(projection, "ep-2", "v1.bob", Instant.parse("2026-02-04T21:10:00Z"));
        homeVisit(projection, "ep-3", "v1.carol", Instant.parse("2026-02-05T21:10:00Z"));
        projection.on(new OppositionRegisteredEvent(new PatientPseudonym("v1.alice"),
                List.of(new PatientPseudonym("v1.alice")), "d", "OPP", Instant.now(),
                new DecisionOrigin("patient", Channel.ONLINE, null, null)));
        projection.on(new ProjectOppositionRegisteredEvent(new PatientPseudonym("v1.bob"),
                List.of(new PatientPseudonym("v1.bob")), "prj-a", "d2", "OPJ",
                Instant.now(), new DecisionOrigin("patient", Channel.ONLINE, null, null)));

        OmopExtractWriter.Result forA = write(db, "prj-a", permit(ALL_VARIABLES, false));
        assertThat(forA.includedPatients()).extracting(PatientPseudonym::value).containsExactly("v1.carol");
        assertThat(forA.excludedPersons()).isEqualTo(2);
        try (Connection cdm = omopDatabase()) {
            assertThat(count(cdm, "SELECT value_as_number FROM metadata WHERE name = 'excluded_persons_opposition'"))
                    .isEqualTo(2);
        }
        assertThat(write(db, "prj-b", permit(ALL_VARIABLES, false)).includedPatients())
                .extracting(PatientPseudonym::value).containsExactly("v1.bob", "v1.carol");
    }

    @Test
    void writesOnlyThePermitsVariablesWithShiftedDatesAndProjectPseudonyms() throws Exception {
        MongoDatabase db = MemoryMongo.freshDatabase("extract");
        ResearchProjection projection = new ResearchProjection(db);
        homeVisit(projection, "ep-1", "v1.alice", Instant.parse("2026-02-03T21:10:00Z"));

        write(db, "prj-a", permit(List.of("visit.modality"), true));
        try (Connection cdm = omopDatabase()) {
            assertThat(count(cdm, "SELECT COUNT(*) FROM condition_occurrence")).isZero();
            assertThat(count(cdm, "SELECT COUNT(*) FROM drug_exposure")).isZero();
            assertThat(count(cdm, "SELECT year_of_birth FROM person")).isZero();
            assertThat(count(cdm, "SELECT gender_concept_id FROM person")).isZero();
            int shift = new ProjectPseudonyms(new byte[32], "prj-a").dateShiftDays(new PatientPseudonym("v1.alice"));
            assertThat(count(cdm, "SELECT visit_start_date - DATE '2026-02-03' FROM visit_occurrence"))
                    .isEqualTo(shift).isNotZero();
        }
        String inA = new ProjectPseudonyms(new byte[32], "prj-a").of(new PatientPseudonym("v1.alice")).value();
        assertThat(Files.readString(dir.resolve("PERSON.csv"))).contains(inA);
        assertThat(new ProjectPseudonyms(new byte[32], "prj-b").of(new PatientPseudonym("v1.alice")).value())
                .isNotEqualTo(inA);
    }
}
