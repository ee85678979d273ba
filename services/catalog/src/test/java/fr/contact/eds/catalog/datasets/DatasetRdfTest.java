package fr.contact.eds.catalog.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.apache.jena.shacl.validation.Severity;
import org.junit.jupiter.api.Test;

class DatasetRdfTest {

    private final DatasetRdf rdf = new DatasetRdf("donnees@example.org");

    private static Dataset described() {
        return new Dataset("unscheduled-care-episodes", "Unscheduled primary care episodes", "Every episode",
                "CONTACT EDS", CatalogueVocabularies.PUBLISHER_TYPES.concepts().get("NonProfitOrganisation").iri(),
                List.of("primary care"), List.of(CatalogueVocabularies.DATA_THEMES.concepts().get("HEAL").iri()),
                List.of(CatalogueVocabularies.HEALTH_CATEGORIES.concepts().get("EHR").iri()),
                List.of(CatalogueVocabularies.COUNTRIES.concepts().get("FRA").iri(),
                        CatalogueVocabularies.COUNTRIES.concepts().get("REU").iri()),
                List.of("ICPC-2", "LOINC"), "GDPR 9(2)(j)", "Research",
                CatalogueVocabularies.ACCESS_RIGHTS.concepts().get("NON_PUBLIC").iri(), "20 years",
                LocalDate.of(2026, 11, 2), 120L, 80L, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30), false);
    }

    /** What a description saved before the controlled values were required reads as. */
    private static Dataset legacy() {
        return new Dataset("night-visits", "Night visits", "Visits at night", "An association", null, List.of(),
                List.of(), List.of(), List.of(), List.of(), "GDPR", "Research", null, "20 years", null, 0L, 0L, null,
                null,
                true);
    }

    @Test
    void publishesACatalogueTheOfficialDcatApShapesFindNoViolationIn() {
        List<Dataset> catalogue = List.of(described(), legacy());
        for (var format : List.of(new Object[]{rdf.turtle(catalogue), Lang.TURTLE},
                new Object[]{rdf.rdfXml(catalogue), Lang.RDFXML}, new Object[]{rdf.jsonLd(catalogue), Lang.JSONLD})) {
            assertThat(DcatApShapes.results((String) format[0], (Lang) format[1], Severity.Violation))
                    .as("DCAT-AP 3.0.0 violations in %s", format[1]).isEmpty();
        }
        assertThat(DcatApShapes.results(rdf.turtle(List.of(described())), Lang.TURTLE, Severity.Warning))
                .as("DCAT-AP 3.0.0 warnings for a complete description, but those we cannot answer")
                .allSatisfy(warning -> assertThat(warning).containsAnyOf(UNANSWERABLE));
    }

    /**
     * Recommendations with no true answer: publishers are not EU corporate bodies; a country given by its EU IRI
     * has no geometry here; a retention period is a duration, not dates; the catalogue's first issue date is not
     * recorded anywhere.
     */
    private static final String[] UNANSWERABLE = {"CorporateBodyRestriction", "dcat#bbox", "dcat#centroid",
            "dcat#startDate", "dcat#endDate", "terms/issued"};

    @Test
    void publishesNonPublicDatasetsTheHealthDcatApShapesFindNoViolationIn() {
        Dataset episodes = described();
        Dataset nights = new Dataset("night-visits", "Night visits", "Visits at night", "SOS Médecins",
                episodes.publisherType(), List.of("night"), episodes.themes(), episodes.healthCategories(),
                episodes.spatial(), List.of("ICD-10"), "GDPR 9(2)(j)", "Research", episodes.accessRights(),
                "20 years", LocalDate.of(2026, 11, 2), 0L, 0L, null, null, false);
        List<Dataset> catalogue = List.of(episodes, nights);
        for (var format : List.of(new Object[]{rdf.turtle(catalogue), Lang.TURTLE},
                new Object[]{rdf.rdfXml(catalogue), Lang.RDFXML}, new Object[]{rdf.jsonLd(catalogue), Lang.JSONLD})) {
            assertThat(DcatApShapes.healthNonPublicResults((String) format[0], (Lang) format[1], Severity.Violation))
                    .as("HealthDCAT-AP NON_PUBLIC violations in %s", format[1]).isEmpty();
        }
    }

    @Test
    void describesEveryControlledValueWithItsSchemeAndLabel() {
        String turtle = rdf.turtle(List.of(described()));
        assertThat(turtle).contains("<http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC>",
                "healthdcatap:healthCategory <https://contact-eds.fr/catalog/vocabularies/health-category/EHR>",
                "dcterms:type <http://publications.europa.eu/resource/authority/dataset-type/PERSONAL_DATA>",
                "\"120\"^^xsd:nonNegativeInteger", "healthdcatap:hdab", "dcat:Catalog",
                "dcatap:applicableLegislation <http://data.europa.eu/eli/reg/2016/679/oj>");
    }

    @Test
    void leavesOutWhatALegacyDescriptionCannotSayInAnEuVocabulary() {
        String turtle = rdf.turtle(List.of(legacy()));
        assertThat(turtle).doesNotContain("access-right/").contains("dcterms:title \"Night visits\"@en");
    }
}
