package fr.contact.eds.catalog.datasets;

import fr.contact.eds.catalog.api.Datasets;
import fr.contact.eds.catalog.datasets.CatalogueVocabularies.Concept;
import fr.contact.eds.catalog.datasets.CatalogueVocabularies.Vocabulary;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * The catalogue as one DCAT-AP 3 graph with the HealthDCAT-AP properties: a {@code dcat:Catalog} with its datasets,
 * their distributions (OMOP CDM extracts through the extract service, and the public statistics of the episodes)
 * and every controlled value described with its scheme and label.
 */
final class DcatGraph {

    static final String HOMEPAGE = "https://contact-eds.fr/";
    static final String ROOT = HOMEPAGE + "catalog";
    static final String BASE = ROOT + "/datasets/";
    static final String HEALTH = "http://healthdataportal.eu/ns/health#";
    static final String DPV = "https://w3id.org/dpv#";
    static final String DCATAP = "http://data.europa.eu/r5r/";
    static final String ELI = "http://data.europa.eu/eli/ontology#";

    /** The GDPR and the European Health Data Space regulation, by their ELI. */
    private static final List<String> LEGISLATION = List.of("http://data.europa.eu/eli/reg/2016/679/oj",
            "http://data.europa.eu/eli/reg/2025/327/oj");
    private static final String OMOP_CDM = "https://ohdsi.github.io/CommonDataModel/cdm54.html";
    private static final String CC_BY = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0";
    /** What binds an extract's users: their permit, not an open licence. */
    private static final String PERMIT_TERMS = ROOT + "/licences/data-permit";
    private static final String IANA = "http://www.iana.org/assignments/media-types/";

    private final ValueFactory values = SimpleValueFactory.getInstance();
    private final Model model = new LinkedHashModel();
    private final String contactEmail;
    private final IRI catalog = iri(ROOT);
    private final IRI operator = iri(ROOT + "#operator");
    private final IRI contact = iri(ROOT + "#contact");
    private final IRI extracts = iri(ROOT + "/services/omop-extracts");

    private DcatGraph(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    static Model of(List<Dataset> datasets, String contactEmail) {
        return new DcatGraph(contactEmail).build(datasets);
    }

    private Model build(List<Dataset> datasets) {
        on(catalog).add(RDF.TYPE, DCAT.CATALOG)
                .add(DCTERMS.TITLE, values.createLiteral("CONTACT EDS dataset catalogue", "en"))
                .add(DCTERMS.TITLE, values.createLiteral("Catalogue des données de l'EDS CONTACT", "fr"))
                .add(DCTERMS.DESCRIPTION, values.createLiteral("Datasets of the health data warehouse of the "
                        + "on-call GP associations, for research projects approved by its scientific and ethics "
                        + "committee.", "en"))
                .add(DCTERMS.PUBLISHER, operator).add(FOAF.HOMEPAGE, page(HOMEPAGE))
                .add(DCAT.THEME_TAXONOMY, scheme(CatalogueVocabularies.DATA_THEMES)).add(DCAT.HAS_SERVICE, extracts);
        legislation(catalog);
        legislation(extracts);
        for (Concept language : CatalogueVocabularies.LANGUAGES.concepts().values()) {
            on(catalog).add(DCTERMS.LANGUAGE, concept(language, DCTERMS.LINGUISTIC_SYSTEM));
        }
        controlled(catalog, DCTERMS.SPATIAL, CatalogueVocabularies.COUNTRIES.iris(), CatalogueVocabularies.COUNTRIES,
                DCTERMS.LOCATION);
        on(catalog).add(DCTERMS.LICENSE, licence(CC_BY, "Creative Commons Attribution 4.0", "Attribution"));
        datasets.stream().map(Dataset::lastReviewed).filter(Objects::nonNull).max(LocalDate::compareTo)
                .ifPresent(day -> on(catalog).add(DCTERMS.MODIFIED, date(day)));
        agent(operator, "CONTACT EDS", CatalogueVocabularies.PUBLISHER_TYPES.concepts().get("NonProfitOrganisation")
                .iri());
        on(contact).add(RDF.TYPE, VCARD4.KIND).add(VCARD4.FN, "CONTACT EDS data office")
                .add(VCARD4.HAS_EMAIL, iri("mailto:" + contactEmail)).add(VCARD4.HAS_URL, iri(HOMEPAGE));
        on(extracts).add(RDF.TYPE, DCAT.DATA_SERVICE)
                .add(DCTERMS.TITLE, values.createLiteral("OMOP CDM 5.4 extracts for approved projects", "en"))
                .add(DCTERMS.DESCRIPTION, values.createLiteral("Pseudonymised per project, limited to the permit's "
                        + "period and variables, patients who object left out.", "en"))
                .add(DCAT.ENDPOINT_URL, iri(ROOT + "/projects")).add(DCTERMS.CONFORMS_TO, standard(OMOP_CDM,
                        "OMOP Common Data Model 5.4"))
                .add(DCTERMS.PUBLISHER, operator).add(DCAT.CONTACT_POINT, contact)
                .add(DCAT.ENDPOINT_DESCRIPTION, iri(ROOT + "/q/openapi"))
                .add(DCAT.KEYWORD, values.createLiteral("OMOP CDM", "en"))
                .add(DCAT.THEME, concept(CatalogueVocabularies.DATA_THEMES.concepts().get("HEAL"), SKOS.CONCEPT));
        for (Dataset d : datasets) {
            dataset(d);
        }
        CatalogueVocabularies.ALL.forEach(this::scheme);
        for (var namespace : List.of(DCAT.NS, DCTERMS.NS, FOAF.NS, SKOS.NS, VCARD4.NS, RDFS.NS, XSD.NS)) {
            model.setNamespace(namespace);
        }
        model.setNamespace("healthdcatap", HEALTH);
        model.setNamespace("dpv", DPV);
        model.setNamespace("dcatap", DCATAP);
        model.setNamespace("eli", ELI);
        return model;
    }

    private void dataset(Dataset d) {
        IRI dataset = iri(BASE + d.datasetId());
        IRI publisher = iri(BASE + d.datasetId() + "#publisher");
        on(catalog).add(DCAT.HAS_DATASET, dataset);
        on(extracts).add(DCAT.SERVES_DATASET, dataset);
        on(dataset).add(RDF.TYPE, DCAT.DATASET).add(DCTERMS.IDENTIFIER, d.datasetId())
                .add(DCTERMS.TITLE, values.createLiteral(d.title(), "en"))
                .add(DCTERMS.DESCRIPTION, values.createLiteral(d.description(), "en"))
                .add(DCTERMS.PUBLISHER, publisher).add(DCAT.CONTACT_POINT, contact)
                .add(iri(HEALTH + "hdab"), hdab())
                .add(DCTERMS.PROVENANCE, described(DCTERMS.PROVENANCE_STATEMENT, RDFS.LABEL, "Recorded in real time "
                        + "by the care software of the associations, taken in as FHIR R4, pseudonymised at intake."))
                .add(iri(DPV + "hasLegalBasis"), described(iri(DPV + "LegalBasis"), DCTERMS.DESCRIPTION,
                        d.legalBasis()))
                .add(iri(DPV + "hasPurpose"), described(iri(DPV + "Purpose"), DCTERMS.DESCRIPTION, d.purpose()))
                .add(iri(HEALTH + "retentionPeriod"), described(DCTERMS.PERIOD_OF_TIME, RDFS.COMMENT,
                        d.retention()));
        agent(publisher, d.publisher(), d.publisherType());
        legislation(dataset);
        on(dataset).add(DCTERMS.TYPE, concept(CatalogueVocabularies.DATASET_TYPES.concepts().get("PERSONAL_DATA"),
                SKOS.CONCEPT));
        controlled(dataset, iri(HEALTH + "healthCategory"), d.healthCategories(),
                CatalogueVocabularies.HEALTH_CATEGORIES, SKOS.CONCEPT);
        d.keywords().forEach(k -> on(dataset).add(DCAT.KEYWORD, values.createLiteral(k, "en")));
        controlled(dataset, DCAT.THEME, d.themes(), CatalogueVocabularies.DATA_THEMES, SKOS.CONCEPT);
        controlled(dataset, DCTERMS.SPATIAL, d.spatial(), CatalogueVocabularies.COUNTRIES, DCTERMS.LOCATION);
        if (d.accessRights() != null) {
            controlled(dataset, DCTERMS.ACCESS_RIGHTS, List.of(d.accessRights()), CatalogueVocabularies.ACCESS_RIGHTS,
                    DCTERMS.RIGHTS_STATEMENT);
        }
        for (String system : d.codingSystems()) {
            Concept coding = CatalogueVocabularies.CODING_SYSTEMS.get(system);
            on(dataset).add(iri(HEALTH + "hasCodingSystem"), standard(coding.iri(), coding.label()));
        }
        if (d.numberOfRecords() != null) {
            on(dataset).add(iri(HEALTH + "numberOfRecords"), count(d.numberOfRecords()))
                    .add(iri(HEALTH + "numberOfUniqueIndividuals"), count(d.numberOfUniqueIndividuals()));
        }
        if (d.lastReviewed() != null) {
            on(dataset).add(DCTERMS.MODIFIED, date(d.lastReviewed()));
        }
        if (d.temporalStart() != null) {
            BNode period = values.createBNode();
            on(dataset).add(DCTERMS.TEMPORAL, period);
            on(period).add(RDF.TYPE, DCTERMS.PERIOD_OF_TIME).add(DCAT.START_DATE, date(d.temporalStart()))
                    .add(DCAT.END_DATE, date(d.temporalEnd()));
        }
        distribution(dataset, DCAT.HAS_DISTRIBUTION, iri(BASE + d.datasetId() + "/distributions/omop-cdm-5.4"),
                "OMOP CDM 5.4 extract",
                "CSV files of the OMOP CDM 5.4 tables, for the members of an approved project.", "CSV", "text/csv",
                ROOT + "/projects");
        on(iri(BASE + d.datasetId() + "/distributions/omop-cdm-5.4"))
                .add(DCAT.ACCESS_SERVICE, extracts).add(DCTERMS.CONFORMS_TO, iri(OMOP_CDM))
                .add(DCTERMS.LICENSE, licence(PERMIT_TERMS, "Use by the members of an approved project, for its "
                        + "purpose and during its permit only", "OtherRestrictiveClauses"));
        if (Datasets.EPISODES.equals(d.datasetId())) {
            IRI statistics = iri(BASE + d.datasetId() + "/distributions/public-statistics");
            // Aggregates with small cells suppressed: HealthDCAT-AP's analytics distribution, not the data itself.
            distribution(dataset, iri(HEALTH + "analytics"), statistics, "Public statistics", "Episode counts by "
                    + "month, département, "
                    + "modality and age band; cells under 11 suppressed.", "JSON", "application/json",
                    ROOT + "/public/statistics");
            on(statistics).add(DCTERMS.LICENSE, licence(CC_BY, "Creative Commons Attribution 4.0", "Attribution"));
        }
    }

    private void distribution(IRI dataset, IRI link, IRI distribution, String title, String description,
            String fileType, String mediaType, String accessUrl) {
        on(dataset).add(link, distribution);
        legislation(distribution);
        on(distribution).add(RDF.TYPE, DCAT.DISTRIBUTION)
                .add(DCTERMS.TITLE, values.createLiteral(title, "en"))
                .add(DCTERMS.DESCRIPTION, values.createLiteral(description, "en"))
                .add(DCAT.ACCESS_URL, iri(accessUrl)).add(DCAT.MEDIA_TYPE, iri(IANA + mediaType))
                .add(iri(DCATAP + "availability"), concept(CatalogueVocabularies.AVAILABILITY.concepts().get("STABLE"),
                        SKOS.CONCEPT))
                .add(DCTERMS.FORMAT, concept(CatalogueVocabularies.FILE_TYPES.concepts().get(fileType),
                        DCTERMS.MEDIA_TYPE_OR_EXTENT));
        on(iri(IANA + mediaType)).add(RDF.TYPE, DCTERMS.MEDIA_TYPE);
    }

    /** The GDPR and the EHDS: HealthDCAT-AP requires them on the catalogue, its services, datasets, distributions. */
    private void legislation(IRI subject) {
        for (String legislation : LEGISLATION) {
            on(subject).add(iri(DCATAP + "applicableLegislation"), iri(legislation));
            on(iri(legislation)).add(RDF.TYPE, iri(ELI + "LegalResource"));
        }
    }

    private void controlled(IRI subject, IRI property, List<String> iris, Vocabulary vocabulary, IRI type) {
        for (String value : iris) {
            vocabulary.byIri(value).ifPresent(c -> on(subject).add(property, concept(c, type)));
        }
    }

    /** A value of a vocabulary, as DCAT-AP's range and vocabulary shapes expect to find it described. */
    private IRI concept(Concept concept, IRI type) {
        IRI node = iri(concept.iri());
        on(node).add(RDF.TYPE, type).add(RDF.TYPE, SKOS.CONCEPT).add(SKOS.IN_SCHEME, iri(concept.scheme()))
                .add(SKOS.PREF_LABEL, values.createLiteral(concept.label(), "en"));
        return node;
    }

    private IRI scheme(Vocabulary vocabulary) {
        IRI scheme = iri(vocabulary.scheme());
        on(scheme).add(RDF.TYPE, SKOS.CONCEPT_SCHEME)
                .add(DCTERMS.TITLE, values.createLiteral(vocabulary.title(), "en"));
        return scheme;
    }

    private void agent(IRI agent, String name, String type) {
        on(agent).add(RDF.TYPE, FOAF.AGENT).add(FOAF.NAME, name)
                .add(FOAF.MBOX, iri("mailto:" + contactEmail)).add(DCAT.CONTACT_POINT, contact);
        CatalogueVocabularies.PUBLISHER_TYPES.byIri(type).ifPresent(t -> {
            on(agent).add(DCTERMS.TYPE, concept(t, SKOS.CONCEPT));
        });
    }

    /** France's health data access body under the EHDS: the Health Data Hub. */
    private IRI hdab() {
        IRI hdab = iri("https://www.health-data-hub.fr/");
        // One node however many datasets name the HDAB: HealthDCAT-AP wants exactly one contact point on it.
        BNode desk = values.createBNode("hdab-contact-point");
        on(desk).add(RDF.TYPE, VCARD4.KIND).add(VCARD4.FN, "Health Data Hub").add(VCARD4.HAS_URL, hdab);
        on(hdab).add(RDF.TYPE, FOAF.AGENT).add(FOAF.NAME, "Health Data Hub")
                .add(FOAF.HOMEPAGE, page(hdab.stringValue())).add(DCAT.CONTACT_POINT, desk);
        on(hdab).add(DCTERMS.TYPE, concept(CatalogueVocabularies.PUBLISHER_TYPES.concepts().get("NationalAuthority"),
                SKOS.CONCEPT));
        return hdab;
    }

    private IRI licence(String iri, String title, String type) {
        on(iri(iri)).add(RDF.TYPE, DCTERMS.LICENSE_DOCUMENT).add(DCTERMS.TITLE, values.createLiteral(title, "en"))
                .add(DCTERMS.TYPE, concept(CatalogueVocabularies.LICENCE_TYPES.concepts().get(type), SKOS.CONCEPT));
        return iri(iri);
    }

    private IRI page(String iri) {
        on(iri(iri)).add(RDF.TYPE, FOAF.DOCUMENT);
        return iri(iri);
    }

    private IRI standard(String iri, String title) {
        on(iri(iri)).add(RDF.TYPE, DCTERMS.STANDARD).add(DCTERMS.TITLE, values.createLiteral(title, "en"));
        return iri(iri);
    }

    private Resource described(IRI type, IRI property, String text) {
        BNode node = values.createBNode();
        on(node).add(RDF.TYPE, type).add(property, values.createLiteral(text, "en"));
        return node;
    }

    private Node on(Resource subject) {
        return new Node(subject);
    }

    /** Statements about one subject; the subject is fixed here, so objects may be built while adding. */
    private final class Node {

        private final Resource subject;

        Node(Resource subject) {
            this.subject = subject;
        }

        Node add(IRI property, Value object) {
            model.add(subject, property, object);
            return this;
        }

        Node add(IRI property, String text) {
            return add(property, values.createLiteral(text));
        }
    }

    private IRI iri(String iri) {
        return values.createIRI(iri);
    }

    private org.eclipse.rdf4j.model.Literal date(LocalDate day) {
        return values.createLiteral(day.toString(), XSD.DATE);
    }

    private org.eclipse.rdf4j.model.Literal count(long n) {
        return values.createLiteral(Long.toString(n), XSD.NON_NEGATIVE_INTEGER);
    }
}
