package fr.contact.eds.catalog.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import fr.contact.eds.catalog.api.Datasets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * The dataset catalogue: descriptions the data steward keeps, with counts computed from the research read model,
 * patients who oppose left out. A description not reviewed for twelve months is flagged.
 */
public class DatasetCatalogue {

    private static final String DATASETS = "datasets";

    private final MongoCollection<Document> datasets;
    private final MongoCollection<Document> episodes;
    private final MongoDatabase database;
    private final Clock clock;

    public DatasetCatalogue(MongoDatabase database, Clock clock) {
        this.datasets = database.getCollection(DATASETS);
        this.episodes = database.getCollection(ResearchProjection.EPISODES);
        this.database = database;
        this.clock = clock;
        if (datasets.find(Filters.eq("_id", Datasets.EPISODES)).first() == null) {
            save(new Dataset(Datasets.EPISODES, "Unscheduled primary care episodes",
                    "Every care episode of the on-call GP associations: call, triage, dispatch, home visit, "
                            + "consultation or teleconsultation, diagnoses, prescriptions, vital signs, outcome and "
                            + "hand-off to the regular GP. Pseudonymised; patients who object are excluded.",
                    "CONTACT EDS", List.of("http://publications.europa.eu/resource/authority/data-theme/HEAL"),
                    "France (mainland and overseas)", List.of("ICPC-2", "ICD-10", "ATC", "LOINC"),
                    "GDPR art. 6(1)(e) and 9(2)(j); French Public Health Code L1461-1 (EDS)",
                    "Research, public health surveillance and evaluation of unscheduled primary care",
                    "Restricted: approved projects with a permit", "20 years after the last care episode", null,
                    null, null, null, null, false));
        }
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
                .append("publisher", dataset.publisher()).append("themes", dataset.themes())
                .append("spatialCoverage", dataset.spatialCoverage()).append("codingSystems", dataset.codingSystems())
                .append("legalBasis", dataset.legalBasis()).append("purpose", dataset.purpose())
                .append("accessRights", dataset.accessRights()).append("retention", dataset.retention())
                .append("lastReviewed", dataset.lastReviewed() == null ? null : dataset.lastReviewed().toString()),
                new ReplaceOptions().upsert(true));
        return byId(dataset.datasetId()).orElseThrow();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private Dataset withCounts(Document d) {
        LocalDate reviewed = d.getString("lastReviewed") == null ? null : LocalDate.parse(d.getString("lastReviewed"));
        boolean overdue = reviewed == null || reviewed.isBefore(today().minusMonths(12));
        Counts counts = Datasets.EPISODES.equals(d.getString("_id")) ? counts() : new Counts(0, 0, null, null);
        return new Dataset(d.getString("_id"), d.getString("title"), d.getString("description"),
                d.getString("publisher"), d.getList("themes", String.class, List.of()), d.getString("spatialCoverage"),
                d.getList("codingSystems", String.class, List.of()), d.getString("legalBasis"), d.getString("purpose"),
                d.getString("accessRights"), d.getString("retention"), reviewed, counts.records(),
                counts.individuals(), counts.start(), counts.end(), overdue);
    }

    private record Counts(long records, long individuals, LocalDate start, LocalDate end) {}

    private Counts counts() {
        Set<String> opposed = ResearchProjection.opposed(database, null);
        var visible = Filters.and(Filters.ne("openedAt", null), Filters.ne("patientPseudonym", null),
                Filters.nin("patientPseudonym", opposed));
        long records = episodes.countDocuments(visible);
        Document span = episodes.aggregate(List.of(Aggregates.match(visible), Aggregates.group(null,
                Accumulators.min("start", "$openedAt"), Accumulators.max("end", "$openedAt")))).first();
        long individuals = 0;
        for (Document ignored : episodes.aggregate(List.of(Aggregates.match(visible),
                Aggregates.group("$patientPseudonym")))) {
            individuals++;
        }
        return new Counts(records, individuals, span == null ? null : day(span.getDate("start")),
                span == null ? null : day(span.getDate("end")));
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
