package fr.contact.eds.catalog.datasets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The controlled values a dataset description may use, each with the label and scheme the catalogue publishes with
 * it. DCAT-AP's vocabulary shapes check a value by its {@code skos:inScheme}, which consumers otherwise only get by
 * importing the whole EU vocabulary: the catalogue states it for the concepts it uses, so only values it can
 * describe are taken in.
 */
public final class CatalogueVocabularies {

    /** One concept of a published vocabulary. */
    public record Concept(String iri, String scheme, String label) {}

    /** A vocabulary: its scheme IRI, title and concepts by their code. */
    public record Vocabulary(String scheme, String title, Map<String, Concept> concepts) {

        public Optional<Concept> byIri(String iri) {
            return concepts.values().stream().filter(c -> c.iri().equals(iri)).findFirst();
        }

        public List<String> iris() {
            return concepts.values().stream().map(Concept::iri).toList();
        }
    }

    private static final String EU = "http://publications.europa.eu/resource/authority/";

    public static final Vocabulary DATA_THEMES = eu("data-theme", "Data theme",
            "AGRI", "Agriculture, fisheries, forestry and food", "ECON", "Economy and finance",
            "EDUC", "Education, culture and sport", "ENER", "Energy", "ENVI", "Environment",
            "GOVE", "Government and public sector", "HEAL", "Health", "INTR", "International issues",
            "JUST", "Justice, legal system and public safety", "REGI", "Regions and cities",
            "SOCI", "Population and society", "TECH", "Science and technology", "TRAN", "Transport");

    /** France and its overseas territories, where the associations work. */
    public static final Vocabulary COUNTRIES = eu("country", "Country", "FRA", "France", "GLP", "Guadeloupe",
            "MTQ", "Martinique", "GUF", "French Guiana", "REU", "Réunion", "MYT", "Mayotte",
            "SPM", "Saint Pierre and Miquelon", "BLM", "Saint Barthélemy", "MAF", "Saint Martin",
            "PYF", "French Polynesia", "NCL", "New Caledonia", "WLF", "Wallis and Futuna");

    public static final Vocabulary ACCESS_RIGHTS = eu("access-right", "Access right", "PUBLIC", "public",
            "RESTRICTED", "restricted", "NON_PUBLIC", "non-public");

    public static final Vocabulary LANGUAGES = eu("language", "Language", "FRA", "French", "ENG", "English");

    public static final Vocabulary FILE_TYPES = eu("file-type", "File type", "CSV", "CSV", "JSON", "JSON");

    public static final Vocabulary AVAILABILITY = eu("planned-availability", "Planned availability", "STABLE",
            "stable");

    /**
     * HealthDCAT-AP requires "personal data" for health datasets with personal information and names this IRI,
     * ahead of its addition to the EU dataset-type list: every dataset of the warehouse is pseudonymised personal data.
     */
    public static final Vocabulary DATASET_TYPES = eu("dataset-type", "Dataset type", "PERSONAL_DATA",
            "Personal data");

    /**
     * The minimum categories of electronic health data for secondary use of the EHDS (Regulation (EU) 2025/327,
     * art. 51(1)) that unscheduled primary care produces. HealthDCAT-AP requires one as an IRI, but the EU vocabulary
     * is not published yet (its own examples use example.com): the catalogue publishes these under its own namespace,
     * each described, so a consumer can map them once the EU IRIs exist.
     */
    public static final Vocabulary HEALTH_CATEGORIES = vocabulary(DcatGraph.ROOT + "/vocabularies/health-category/",
            DcatGraph.ROOT + "/vocabularies/health-category", "Category of electronic health data (EHDS art. 51(1))",
            "EHR", "Electronic health data from electronic health records",
            "HEALTH_DETERMINANTS", "Data on factors impacting on health, including socio-economic, environmental "
                    + "and behavioural determinants of health",
            "HEALTHCARE_PROVISION", "Aggregated data on healthcare needs, resources allocated to healthcare, the "
                    + "provision of and access to healthcare",
            "ADMINISTRATIVE", "Healthcare-related administrative data",
            "PROFESSIONALS", "Data on the professional status, specialisation and institution of the health "
                    + "professionals involved in the treatment");

    public static final Vocabulary LICENCE_TYPES = vocabulary("http://purl.org/adms/licencetype/",
            "http://purl.org/adms/licencetype/1.0", "Licence type", "Attribution", "Attribution",
            "OtherRestrictiveClauses", "Other restrictive clauses");

    public static final Vocabulary PUBLISHER_TYPES = vocabulary("http://purl.org/adms/publishertype/",
            "http://purl.org/adms/publishertype/1.0", "Publisher type",
            "Academia-ScientificOrganisation", "Academia/Scientific organisation", "Company", "Company",
            "LocalAuthority", "Local authority", "NationalAuthority", "National authority",
            "NonGovernmentalOrganisation", "Non-governmental organisation",
            "NonProfitOrganisation", "Non-profit organisation", "RegionalAuthority", "Regional authority");

    /** Coding systems by the name stewards use, identified by the system URIs our FHIR intake reads them under. */
    public static final Map<String, Concept> CODING_SYSTEMS = Map.of(
            "ICPC-2",
            new Concept("http://hl7.org/fhir/sid/icpc-2", null,
                    "International Classification of Primary Care, 2nd edition"),
            "ICD-10",
            new Concept("http://hl7.org/fhir/sid/icd-10", null,
                    "International Classification of Diseases, 10th revision"),
            "ATC", new Concept("http://www.whocc.no/atc", null, "Anatomical Therapeutic Chemical classification"),
            "LOINC", new Concept("http://loinc.org", null, "Logical Observation Identifiers Names and Codes"),
            "SNOMED CT", new Concept("http://snomed.info/sct", null, "SNOMED CT"),
            "UCUM", new Concept("http://unitsofmeasure.org", null, "Unified Code for Units of Measure"));

    /** The vocabularies published with their concepts (coding systems are standards, not concepts). */
    public static final List<Vocabulary> ALL = List.of(DATA_THEMES, COUNTRIES, ACCESS_RIGHTS, LANGUAGES, FILE_TYPES,
            AVAILABILITY, DATASET_TYPES, HEALTH_CATEGORIES, LICENCE_TYPES, PUBLISHER_TYPES);

    private CatalogueVocabularies() {}

    private static Vocabulary eu(String name, String title, String... codesAndLabels) {
        return vocabulary(EU + name + "/", EU + name, title, codesAndLabels);
    }

    private static Vocabulary vocabulary(String namespace, String scheme, String title, String... codesAndLabels) {
        Map<String, Concept> concepts = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            concepts.put(codesAndLabels[i], new Concept(namespace + codesAndLabels[i], scheme, codesAndLabels[i + 1]));
        }
        return new Vocabulary(scheme, title, Collections.unmodifiableMap(concepts));
    }
}
