package fr.contact.eds.catalog.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.testing.MemoryMongo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class CareEpisodesTest {

    @Test
    void namesTheModalityOfACallThatEndedWithAdvice() {
        Document call = new Document("receivedAt", new Date());

        assertThat(CareEpisodes.modality(new Document("call", call))).isEqualTo("ADVICE_ONLY");
        assertThat(CareEpisodes.modality(new Document("call", call).append("encounter",
                new Document("class", "HOME_VISIT")))).isEqualTo("HOME_VISIT");
        assertThat(CareEpisodes.modality(new Document("encounter", new Document()))).isEqualTo("UNKNOWN");
    }

    @Test
    void readsOnlyEpisodesInThePeriodWhosePatientIsStillKnown() {
        MongoDatabase db = MemoryMongo.freshDatabase("care-episodes");
        db.getCollection(ResearchProjection.EPISODES).insertMany(List.of(
                episode("in-b", "v1.b", "2026-01-10T08:00:00Z"), episode("in-a2", "v1.a", "2026-01-20T08:00:00Z"),
                episode("in-a1", "v1.a", "2026-01-05T08:00:00Z"), episode("erased", null, "2026-01-06T08:00:00Z"),
                episode("after", "v1.a", "2026-02-01T00:00:00Z")));
        CareEpisodes episodes = new CareEpisodes(db);

        assertThat(episodes.byPatientOpenedBetween(Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"))).extracting(d -> d.getString("_id"))
                .containsExactly("in-a1", "in-a2", "in-b");
        assertThat(CareEpisodes.patientOf(episode("x", "v2.z", "2026-01-01T00:00:00Z")))
                .isEqualTo(new PatientPseudonym("v2.z"));
        assertThat(CareEpisodes.openedOn(episode("x", "v2.z", "2026-01-01T23:30:00Z")))
                .isEqualTo(LocalDate.parse("2026-01-01"));
    }

    @Test
    void leavesOpposedPatientsOutOfTheSpan() {
        MongoDatabase db = MemoryMongo.freshDatabase("care-episodes-span");
        db.getCollection(ResearchProjection.EPISODES).insertMany(List.of(
                episode("e1", "v1.a", "2026-01-05T08:00:00Z"), episode("e2", "v1.a", "2026-01-07T08:00:00Z"),
                episode("e3", "v1.b", "2026-03-01T08:00:00Z")));
        db.getCollection(ResearchProjection.OPPOSITIONS).insertMany(List.of(
                new Document("_id", "v1.b").append("global", true),
                new Document("_id", "v1.a").append("global", false).append("projects", List.of("p-1"))));
        CareEpisodes episodes = new CareEpisodes(db);

        assertThat(episodes.span()).isEqualTo(new CareEpisodes.Span(2, 1, LocalDate.parse("2026-01-05"),
                LocalDate.parse("2026-01-07")));
        assertThat(episodes.opposed(null)).containsExactly(new PatientPseudonym("v1.b"));
        assertThat(episodes.opposed("p-1")).containsExactlyInAnyOrder(new PatientPseudonym("v1.a"),
                new PatientPseudonym("v1.b"));
    }

    private static Document episode(String episodeId, String patient, String openedAt) {
        return new Document("_id", episodeId).append(CareEpisodes.PATIENT, patient)
                .append(CareEpisodes.OPENED_AT, Date.from(Instant.parse(openedAt)));
    }
}
