package fr.contact.eds.catalog.warehouse;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import fr.contact.eds.platform.api.PatientPseudonym;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The one reader of the catalog's copy of care episodes, which {@link ResearchProjection} writes: the extracts, the
 * public register and the dataset counts ask here rather than name its fields, so its shape can change in one place.
 * Every read leaves out the episodes of erased patients (no pseudonym left) and, through {@link #opposed}, lets the
 * caller leave out patients who oppose.
 */
public final class CareEpisodes {

    static final String PATIENT = "patientPseudonym";
    static final String OPENED_AT = "openedAt";
    static final String DEPARTEMENT = "departement";
    static final String AGE_BAND = "ageBand";
    static final String ENCOUNTER = "encounter";
    static final String ENCOUNTER_CLASS = ENCOUNTER + ".class";

    /** The episodes' count, their patients' count and the days of the first and last, opposed patients left out. */
    public record Span(long records, long individuals, LocalDate start, LocalDate end) {}

    private final MongoDatabase database;
    private final MongoCollection<Document> episodes;

    public CareEpisodes(MongoDatabase database) {
        this.database = database;
        this.episodes = database.getCollection(ResearchProjection.EPISODES);
    }

    /**
     * The pseudonyms whose data research may not use: opposed to all reuse, and, with a {@code projectId}, opposed
     * to that project. Read at the time of asking, from the oppositions the projection keeps.
     */
    public Set<PatientPseudonym> opposed(String projectId) {
        Bson who = projectId == null ? Filters.eq("global", true)
                : Filters.or(Filters.eq("global", true), Filters.eq("projects", projectId));
        Set<PatientPseudonym> opposed = new HashSet<>();
        database.getCollection(ResearchProjection.OPPOSITIONS).find(who)
                .forEach(o -> opposed.add(PatientPseudonym.ofNullable(o.getString("_id"))));
        opposed.remove(null);
        return opposed;
    }

    /** Episodes opened in [from, to) whose patient is still known. */
    private FindIterable<Document> openedBetween(Instant from, Instant to) {
        return episodes.find(Filters.and(Filters.gte(OPENED_AT, Date.from(from)), Filters.lt(OPENED_AT,
                Date.from(to)), Filters.ne(PATIENT, null)));
    }

    /**
     * The same with only what public counts read: {@link #patientOf}, {@link #openedOn}, {@link #modality},
     * {@link #departement} and {@link #ageBand}.
     */
    public FindIterable<Document> countableBetween(Instant from, Instant to) {
        return openedBetween(from, to).projection(Projections.include(OPENED_AT, DEPARTEMENT, ENCOUNTER_CLASS,
                "call.receivedAt", AGE_BAND, PATIENT));
    }

    /** The same, patient after patient, each one's episodes in the order they were opened. */
    public FindIterable<Document> byPatientOpenedBetween(Instant from, Instant to) {
        return openedBetween(from, to).sort(Sorts.ascending(PATIENT, OPENED_AT));
    }

    public Span span() {
        List<String> opposed = opposed(null).stream().map(PatientPseudonym::value).toList();
        Bson visible = Filters.and(Filters.ne(OPENED_AT, null), Filters.ne(PATIENT, null),
                Filters.nin(PATIENT, opposed));
        long records = episodes.countDocuments(visible);
        Document span = episodes.aggregate(List.of(Aggregates.match(visible), Aggregates.group(null,
                Accumulators.min("start", "$" + OPENED_AT), Accumulators.max("end", "$" + OPENED_AT)))).first();
        long individuals = 0;
        for (Document ignored : episodes.aggregate(List.of(Aggregates.match(visible),
                Aggregates.group("$" + PATIENT)))) {
            individuals++;
        }
        return new Span(records, individuals, span == null ? null : day(span.getDate("start")),
                span == null ? null : day(span.getDate("end")));
    }

    public static PatientPseudonym patientOf(Document episode) {
        return PatientPseudonym.ofNullable(episode.getString(PATIENT));
    }

    /** The day the episode was opened, in UTC; null for an episode whose opening never arrived. */
    public static LocalDate openedOn(Document episode) {
        return day(episode.getDate(OPENED_AT));
    }

    /** Where care happened: a département code. */
    public static String departement(Document episode) {
        return episode.getString(DEPARTEMENT);
    }

    public static String ageBand(Document episode) {
        return episode.getString(AGE_BAND);
    }

    /**
     * How the patient was cared for: the encounter's class, {@code ADVICE_ONLY} for a call that ended with advice
     * (ingestion opens such an episode from the call alone, no encounter ever follows), else {@code UNKNOWN}.
     */
    public static String modality(Document episode) {
        Document encounter = episode.get(ENCOUNTER, Document.class);
        if (encounter != null && encounter.getString("class") != null) {
            return encounter.getString("class");
        }
        return episode.get("call") != null ? "ADVICE_ONLY" : "UNKNOWN";
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
