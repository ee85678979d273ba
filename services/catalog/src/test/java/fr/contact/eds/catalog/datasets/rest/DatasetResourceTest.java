package fr.contact.eds.catalog.datasets.rest;

import static fr.contact.eds.catalog.CatalogFixture.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import fr.contact.eds.catalog.datasets.DcatApShapes;
import fr.contact.eds.catalog.warehouse.ResearchProjection;
import fr.contact.eds.consent.api.Channel;
import fr.contact.eds.consent.api.DecisionOrigin;
import fr.contact.eds.consent.api.OppositionRegisteredEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.consistency.ProjectionBarrier;
import fr.contact.eds.platform.crypto.SubjectKeys;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.testing.ContactTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.jena.riot.Lang;
import org.apache.jena.shacl.validation.Severity;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
public class DatasetResourceTest {

    /** A complete dataset description, as a data steward writes one. */
    public static final String NIGHT_VISITS = """
            {"title": "Night visits", "description": "Visits between 20:00 and 08:00", "publisher": "CONTACT EDS",
             "publisherType": "http://purl.org/adms/publishertype/NonProfitOrganisation",
             "keywords": ["night", "home visit"],
             "themes": ["http://publications.europa.eu/resource/authority/data-theme/HEAL"],
             "healthCategories": ["https://contact-eds.fr/catalog/vocabularies/health-category/EHR"],
             "spatial": ["http://publications.europa.eu/resource/authority/country/FRA"],
             "codingSystems": ["ICPC-2"], "legalBasis": "GDPR 9(2)(j)", "purpose": "Research",
             "accessRights": "http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC",
             "retention": "20 years"}
            """;

    private static final String DATASET = "/datasets/unscheduled-care-episodes";

    @Inject
    EventStore eventStore;
    @Inject
    SubjectKeys keys;
    @Inject
    ProjectionBarrier barrier;

    private long records() {
        assertThat(barrier.awaitHead(ResearchProjection.PROCESSOR, Duration.ofSeconds(10))).isTrue();
        return as(Roles.DATA_STEWARD, "steward").get(DATASET).then().statusCode(200).extract().jsonPath()
                .getLong("[0].numberOfRecords");
    }

    private void publish(Object event) {
        eventStore.publish(GenericEventMessage.asEventMessage(event));
    }

    @Test
    void countsRecordsFromTheReadModelLeavingOutPatientsWhoOppose() {
        long before = records();
        String patient = "v1." + UUID.randomUUID();
        publish(new EpisodeOpenedEvent(new EpisodeId("ep-" + UUID.randomUUID()), "sos-cat",
                new PatientPseudonym(patient), 1,
                keys.keyIdFor(patient), "F",
                40, "15-44", 1986, "75", Instant.parse("2026-03-01T10:00:00Z")));
        assertThat(records()).isEqualTo(before + 1);
        publish(new OppositionRegisteredEvent(new PatientPseudonym(patient), List.of(new PatientPseudonym(patient)),
                "d-1", "OPP-1", Instant.now(),
                new DecisionOrigin("patient", Channel.ONLINE, null, null)));
        assertThat(records()).isEqualTo(before);
    }

    @Test
    void countsEpisodesForEveryoneSuppressingSmallCells() {
        for (int i = 0; i < 12; i++) {
            String patient = "v1.stat-" + UUID.randomUUID();
            publish(new EpisodeOpenedEvent(new EpisodeId("ep-" + UUID.randomUUID()), "sos-stat",
                    new PatientPseudonym(patient), 1,
                    keys.keyIdFor(patient),
                    "M", 8, i < 11 ? "2-14" : "0-1", 2018, i < 11 ? "971" : "972",
                    Instant.parse("2024-05-0" + (1 + i % 9) + "T10:00:00Z")));
        }
        assertThat(barrier.awaitHead(ResearchProjection.PROCESSOR, Duration.ofSeconds(10))).isTrue();
        var table = given().queryParam("from", "2024-05-01").queryParam("to", "2024-06-01")
                .queryParam("groupBy", "departement,ageBand").get("/public/statistics").then().statusCode(200)
                .extract().jsonPath();
        assertThat(table.getString("cells.find { it.keys.departement == '971' }.count")).isEqualTo("11");
        assertThat(table.getString("cells.find { it.keys.departement == '972' }.count")).isEqualTo("<11");
        assertThat(table.getInt("suppressedCells")).isEqualTo(1);
        given().queryParam("groupBy", "patient").get("/public/statistics").then().statusCode(400)
                .body("field", equalTo("groupBy"));
        given().queryParam("from", "+999999999-12-31").get("/public/statistics").then().statusCode(400)
                .body("field", equalTo("from"));
        given().queryParam("from", "last year").get("/public/statistics").then().statusCode(400)
                .body("field", equalTo("from"));
    }

    @Test
    void flagsADescriptionUntilTheStewardReviewsIt() {
        String input = NIGHT_VISITS;
        as(Roles.DATA_STEWARD, "steward").body(input).put("/datasets/night-visits").then().statusCode(200)
                .body("reviewOverdue", equalTo(false)).body("lastReviewed", equalTo(java.time.LocalDate.now(
                        java.time.ZoneOffset.UTC).toString()));
        as(Roles.RESEARCHER, "r").body(input).put("/datasets/night-visits").then().statusCode(403);
        as(Roles.DATA_STEWARD, "steward").body(input.replace("\"Night visits\"", "\"\""))
                .put("/datasets/night-visits").then().statusCode(400).body("field", equalTo("title"));
    }

    @Test
    void refusesADescriptionThePublicCatalogueCouldNotRenderAndKeepsServingIt() {
        String input = NIGHT_VISITS;
        Map<String, String> broken = Map.of(
                "spatial", input.replace("[\"http://publications.europa.eu/resource/authority/country/FRA\"]", "[]"),
                "spatial[0]", input.replace("country/FRA", "country/USA"),
                "accessRights", input.replace("access-right/NON_PUBLIC", "access-right/OPEN"),
                "healthCategories",
                input.replace("[\"https://contact-eds.fr/catalog/vocabularies/health-category/EHR\"]",
                        "null"),
                "healthCategories[0]", input.replace("health-category/EHR", "health-category/GENOMIC"),
                "publisherType", input.replace("\"http://purl.org/adms/publishertype/NonProfitOrganisation\"",
                        "\"charity\""),
                "themes[0]", input.replace("\"http://publications.europa.eu/resource/authority/data-theme/HEAL\"",
                        "\"health\""),
                "codingSystems[0]", input.replace("[\"ICPC-2\"]", "[null]"),
                "description", input.replace("\"Visits between 20:00 and 08:00\"", "\"a\\u0000b\""),
                "title", input.replace("\"Night visits\"", "\"" + "x".repeat(10_001) + "\""));
        broken.forEach((field, body) -> as(Roles.DATA_STEWARD, "steward").body(body).put("/datasets/partial")
                .then().statusCode(400).body("field", equalTo(field)));
        as(Roles.DATA_STEWARD, "steward").get("/datasets/partial").then().statusCode(404);
        assertThatThePublicCatalogueConformsToDcatAp();
    }

    @Test
    void servesTheCatalogueToEveryoneInEveryRdfFormatWithoutADcatApViolation() {
        as(Roles.DATA_STEWARD, "steward").body(NIGHT_VISITS).put("/datasets/night-visits").then().statusCode(200);
        assertThatThePublicCatalogueConformsToDcatAp();
        String turtle = given().accept("text/turtle").get("/public/datasets").then().statusCode(200).extract()
                .asString();
        assertThat(turtle).contains("dcat:Catalog", "healthdcatap:numberOfRecords", "dpv:hasLegalBasis",
                "<https://contact-eds.fr/catalog/datasets/night-visits>");
        assertThatNonPublicDatasetsConformToHealthDcatAp("unscheduled-care-episodes", "night-visits");
    }

    /**
     * A non-public dataset, as the steward's colleagues read it, checked by HealthDCAT-AP's NON_PUBLIC shapes (which
     * target every dataset of a graph, so each is checked on its own).
     */
    public static void assertThatNonPublicDatasetsConformToHealthDcatAp(String... datasetIds) {
        for (String datasetId : datasetIds) {
            for (Lang lang : List.of(Lang.TURTLE, Lang.JSONLD, Lang.RDFXML)) {
                String body = as(Roles.RESEARCHER, "r").accept(lang.getHeaderString()).get("/datasets/" + datasetId)
                        .then().statusCode(200).contentType(lang.getHeaderString()).extract().asString();
                assertThat(DcatApShapes.healthNonPublicResults(body, lang, Severity.Violation))
                        .as("HealthDCAT-AP NON_PUBLIC violations for %s in %s", datasetId, lang).isEmpty();
            }
        }
    }

    /** What a consumer of the public catalogue gets, in each format, checked by the official DCAT-AP 3 shapes. */
    public static void assertThatThePublicCatalogueConformsToDcatAp() {
        for (Lang lang : List.of(Lang.TURTLE, Lang.JSONLD, Lang.RDFXML)) {
            String body = given().accept(lang.getHeaderString()).get("/public/datasets").then().statusCode(200)
                    .contentType(lang.getHeaderString()).extract().asString();
            assertThat(DcatApShapes.results(body, lang, Severity.Violation)).as("DCAT-AP violations in %s", lang)
                    .isEmpty();
        }
    }
}
