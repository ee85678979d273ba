package fr.contact.eds.catalog.datasets;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import fr.contact.eds.catalog.api.Datasets;
import fr.contact.eds.catalog.warehouse.CareEpisodes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The dataset catalogue: descriptions the data steward keeps, with counts computed from the research read model,
 * patients who oppose left out. A description not reviewed for twelve months is flagged.
 */
public class DatasetCatalogue {

    private static final String DATASETS = "datasets";

    private final MongoCollection<Document> datasets;
    private final CareEpisodes episodes;
    private final Clock clock;

    public DatasetCatalogue(MongoDatabase database, Clock clock) {
        this.datasets = database.getCollection(DATASETS);
        this.episodes = new CareEpisodes(database);
        this.clock = clock;
        Document seeded = datasets.find(Filters.eq("_id", Datasets.EPISODES)).first();
        // A description no steward has reviewed yet is still ours to write, so a newer seed replaces an older one.
        if (seeded == null || seeded.get("lastReviewed") == null) {
            save(episodesDataset());
        }
    }

    private static Dataset episodesDataset() {
        return new Dataset(Datasets.EPISODES, "Unscheduled primary care episodes",
                "Every care episode of the on-call GP associations: call, triage, dispatch, home visit, "
                        + "consultation or teleconsultation, diagnoses, prescriptions, vital signs, outcome and "
                        + "hand-off to the regular GP. Pseudonymised; patients who object are excluded.",
                "CONTACT EDS", CatalogueVocabularies.PUBLISHER_TYPES.concepts().get("NonProfitOrganisation").iri(),
                List.of("unscheduled care", "primary care", "home visit", "teleconsultation", "out-of-hours"),
                List.of(CatalogueVocabularies.DATA_THEMES.concepts().get("HEAL").iri()),
                List.of(CatalogueVocabularies.HEALTH_CATEGORIES.concepts().get("EHR").iri()),
                CatalogueVocabularies.COUNTRIES.iris(), List.of("ICPC-2", "ICD-10", "ATC", "LOINC", "SNOMED CT"),
                "GDPR art. 6(1)(e) and 9(2)(j); French Public Health Code L1461-1 (EDS)",
                "Research, public health surveillance and evaluation of unscheduled primary care",
                CatalogueVocabularies.ACCESS_RIGHTS.concepts().get("NON_PUBLIC").iri(),
                "20 years after the last care episode", null, null, null, null, null, false);
    }

    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        datasets.find().sort(Sorts.ascending("_id")).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    public Optional<Dataset> byId(String datasetId) {
        return Optional.ofNullable(datasets.find(Filters.eq("_id", datasetId)).first()).map(this::withCounts);
    }

    public List<Dataset> all() {
        List<Dataset> all = new ArrayList<>();
        datasets.find().sort(Sorts.ascending("_id")).forEach(d -> all.add(withCounts(d)));
        return all;
    }

    /** The steward's description; saving it is reviewing it. */
    public Dataset save(Dataset dataset) {
        datasets.replaceOne(Filters.eq("_id", dataset.datasetId()), new Document("_id", dataset.datasetId())
                .append("title", dataset.title()).append("description", dataset.description())
                .append("publisher", dataset.publisher()).append("publisherType", dataset.publisherType())
                .append("keywords", dataset.keywords()).append("themes", dataset.themes())
                .append("healthCategories", dataset.healthCategories())
                .append("spatial", dataset.spatial()).append("codingSystems", dataset.codingSystems())
                .append("legalBasis", dataset.legalBasis()).append("purpose", dataset.purpose())
                .append("accessRights", dataset.accessRights()).append("retention", dataset.retention())
                .append("lastReviewed", dataset.lastReviewed() == null ? null : dataset.lastReviewed().toString()),
                new ReplaceOptions().upsert(true));
        return byId(dataset.datasetId()).orElseThrow();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Total over what earlier versions stored: a free-text access right or coverage, an arbitrary theme IRI or an
     * unknown coding system is not published (no one could validate it) and makes the description overdue.
     */
    private Dataset withCounts(Document d) {
        LocalDate reviewed = d.getString("lastReviewed") == null ? null : LocalDate.parse(d.getString("lastReviewed"));
        String accessRights = known(CatalogueVocabularies.ACCESS_RIGHTS, d.getString("accessRights"));
        String publisherType = known(CatalogueVocabularies.PUBLISHER_TYPES, d.getString("publisherType"));
        List<String> themes = strings(d, "themes").stream()
                .filter(t -> CatalogueVocabularies.DATA_THEMES.byIri(t).isPresent()).toList();
        List<String> categories = strings(d, "healthCategories").stream()
                .filter(c -> CatalogueVocabularies.HEALTH_CATEGORIES.byIri(c).isPresent()).toList();
        List<String> spatial = strings(d, "spatial").stream()
                .filter(s -> CatalogueVocabularies.COUNTRIES.byIri(s).isPresent()).toList();
        List<String> codingSystems = strings(d, "codingSystems").stream()
                .filter(CatalogueVocabularies.CODING_SYSTEMS::containsKey).toList();
        boolean incomplete = accessRights == null || publisherType == null || spatial.isEmpty()
                || categories.isEmpty() || categories.size() < strings(d, "healthCategories").size()
                || themes.size() < strings(d, "themes").size()
                || codingSystems.size() < strings(d, "codingSystems").size();
        boolean overdue = reviewed == null || reviewed.isBefore(today().minusMonths(12)) || incomplete;
        CareEpisodes.Span counts = Datasets.EPISODES.equals(d.getString("_id")) ? episodes.span()
                : new CareEpisodes.Span(0, 0, null, null);
        return new Dataset(d.getString("_id"), d.getString("title"), d.getString("description"),
                d.getString("publisher"), publisherType, strings(d, "keywords"), themes, categories, spatial,
                codingSystems, d.getString("legalBasis"), d.getString("purpose"), accessRights,
                d.getString("retention"), reviewed,
                counts.records(), counts.individuals(), counts.start(), counts.end(), overdue);
    }

    private static String known(CatalogueVocabularies.Vocabulary vocabulary, String iri) {
        return iri != null && vocabulary.byIri(iri).isPresent() ? iri : null;
    }

    private static List<String> strings(Document d, String field) {
        return d.getList(field, String.class, List.of()).stream().filter(java.util.Objects::nonNull).toList();
    }
}
