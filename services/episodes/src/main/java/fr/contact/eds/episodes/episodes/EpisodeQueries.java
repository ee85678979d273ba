package fr.contact.eds.episodes.episodes;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Sorts.orderBy;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.AGE_BAND;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.ASSOCIATION;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.CALL;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.DEPARTEMENT;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.DISPOSITION;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.EPISODE_ID;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.ICPC2_CODES;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.MODALITY;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.OPENED_AT;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.OPPOSED;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.OPPOSED_PROJECTS;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.PATIENT;
import static fr.contact.eds.episodes.episodes.EpisodeDocument.UNCHECKED;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import fr.contact.eds.platform.api.PatientPseudonym;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Every read of episodes goes through {@link #visible}: episodes of patients who oppose never appear, on any path,
 * pages and counts included; an episode not yet opened (only later facets arrived) is not shown, nor one whose
 * opening is still being checked against its patient's consent.
 */
@Singleton
public class EpisodeQueries {

    public static final String ICPC2 = "http://hl7.org/fhir/sid/icpc-2";
    public static final String ADVICE_ONLY = "ADVICE_ONLY";
    private static final Duration RETURN_WINDOW = Duration.ofHours(72);

    private final EpisodeGenerations generations;

    @Inject
    public EpisodeQueries(MongoDatabase database) {
        this.generations = new EpisodeGenerations(database);
    }

    /** The live generation: a rebuild in progress never shows half-built. */
    private MongoCollection<Document> episodes() {
        return generations.live().episodes();
    }

    private static Bson visible(Bson... more) {
        List<Bson> all = new ArrayList<>(List.of(ne(OPPOSED, true), ne(OPENED_AT, null), ne(UNCHECKED, true)));
        all.addAll(List.of(more));
        return and(all);
    }

    /**
     * One page in the given order, by (opening time, id) or by id alone; the cursor is where the previous page
     * stopped, and only continues a search in the same order.
     */
    public EpisodePage search(EpisodeFilter filter, EpisodeOrder order, String cursor, int limit) {
        List<Bson> criteria = criteria(filter);
        long total = episodes().countDocuments(visible(criteria.toArray(Bson[]::new)));
        decode(cursor, order).ifPresent(after -> criteria.add(after(order, after)));
        Bson sort = switch (order) {
            case NEWEST_FIRST -> orderBy(descending(OPENED_AT), descending(EPISODE_ID));
            case OLDEST_FIRST -> orderBy(ascending(OPENED_AT), ascending(EPISODE_ID));
            case BY_EPISODE -> ascending(EPISODE_ID);
        };
        List<Document> found = new ArrayList<>();
        episodes().find(visible(criteria.toArray(Bson[]::new))).sort(sort).limit(limit + 1).forEach(found::add);
        String next = null;
        if (found.size() > limit) {
            found.remove(limit);
            Document last = found.get(limit - 1);
            next = encode(order, last.getDate(OPENED_AT), last.getString(EPISODE_ID));
        }
        return new EpisodePage(found.stream().map(EpisodeDocument::decode).toList(), total, next);
    }

    public EpisodePage search(EpisodeFilter filter, String cursor, int limit) {
        return search(filter, EpisodeOrder.NEWEST_FIRST, cursor, limit);
    }

    private static Bson after(EpisodeOrder order, Position after) {
        return switch (order) {
            case NEWEST_FIRST -> or(lt(OPENED_AT, after.openedAt()),
                    and(eq(OPENED_AT, after.openedAt()), lt(EPISODE_ID, after.episodeId())));
            case OLDEST_FIRST -> or(gt(OPENED_AT, after.openedAt()),
                    and(eq(OPENED_AT, after.openedAt()), gt(EPISODE_ID, after.episodeId())));
            case BY_EPISODE -> gt(EPISODE_ID, after.episodeId());
        };
    }

    /** Every visible episode opened in [from, to), in no particular order: for aggregates. */
    public void forEachOpenedBetween(Instant from, Instant to, Consumer<Episode> consumer) {
        episodes().find(visible(gte(OPENED_AT, Date.from(from)), lt(OPENED_AT, Date.from(to))))
                .forEach(d -> consumer.accept(EpisodeDocument.decode(d)));
    }

    public Optional<Episode> byId(String episodeId) {
        return byId(episodeId, EpisodeFilter.ANY);
    }

    /** The episode, if it also matches {@code within} (a permit's period and project, say). */
    public Optional<Episode> byId(String episodeId, EpisodeFilter within) {
        List<Bson> criteria = criteria(within);
        criteria.add(eq(EPISODE_ID, episodeId));
        return Optional.ofNullable(episodes().find(visible(criteria.toArray(Bson[]::new))).first())
                .map(EpisodeDocument::decode);
    }

    /**
     * A patient's care pathway: their episodes in time order, each flagged when it began within 72 hours of the end
     * of the previous one (a return visit).
     */
    public List<Episode> pathway(PatientPseudonym patientPseudonym) {
        return pathway(patientPseudonym, EpisodeFilter.ANY);
    }

    /** The pathway within {@code within}: what lies outside is neither shown nor counted for return visits. */
    public List<Episode> pathway(PatientPseudonym patientPseudonym, EpisodeFilter within) {
        List<Bson> criteria = criteria(within);
        criteria.add(eq(PATIENT, patientPseudonym.value()));
        List<Episode> ordered = new ArrayList<>();
        episodes().find(visible(criteria.toArray(Bson[]::new))).sort(ascending(OPENED_AT))
                .forEach(d -> ordered.add(EpisodeDocument.decode(d)));
        List<Episode> flagged = new ArrayList<>();
        Instant previousEnd = null;
        for (Episode episode : ordered) {
            Instant began = episode.beganAt();
            flagged.add(episode.withReturnWithin72h(previousEnd != null && began != null
                    && !began.isAfter(previousEnd.plus(RETURN_WINDOW))));
            Instant end = episode.endedAt() != null ? episode.endedAt() : began;
            if (end != null) {
                previousEnd = end;
            }
        }
        return flagged;
    }

    private static List<Bson> criteria(EpisodeFilter f) {
        List<Bson> criteria = new ArrayList<>();
        if (f.from() != null) {
            criteria.add(gte(OPENED_AT, Date.from(f.from())));
        }
        if (f.to() != null) {
            criteria.add(lt(OPENED_AT, Date.from(f.to())));
        }
        add(criteria, DEPARTEMENT, f.departement());
        add(criteria, ASSOCIATION, f.associationId());
        if (ADVICE_ONLY.equals(f.modality())) {
            criteria.add(and(eq(MODALITY, null), ne(CALL, null)));
        } else {
            add(criteria, MODALITY, f.modality());
        }
        add(criteria, DISPOSITION, f.outcome());
        add(criteria, AGE_BAND, f.ageBand());
        add(criteria, ICPC2_CODES, f.icpc2());
        if (f.researchProject() != null) {
            criteria.add(ne(OPPOSED_PROJECTS, f.researchProject()));
        }
        return criteria;
    }

    private static void add(List<Bson> criteria, String field, String value) {
        if (value != null) {
            criteria.add(eq(field, value));
        }
    }

    private record Position(Date openedAt, String episodeId) {}

    /** Opaque to clients; under {@code BY_EPISODE} it holds no time at all. */
    private static String encode(EpisodeOrder order, Date openedAt, String episodeId) {
        String time = order == EpisodeOrder.BY_EPISODE ? "" : Long.toString(openedAt.getTime());
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((order.name() + "|" + time + "|" + episodeId).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Position> decode(String cursor, EpisodeOrder order) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("Not a cursor from a previous page");
        }
        if (parts.length != 3 || !order.name().equals(parts[0])) {
            throw new InvalidCursorException("Not a cursor from a previous page in the order " + order.parameter());
        }
        try {
            return Optional.of(new Position(parts[1].isEmpty() ? null : new Date(Long.parseLong(parts[1])),
                    parts[2]));
        } catch (NumberFormatException e) {
            throw new InvalidCursorException("Not a cursor from a previous page");
        }
    }

    /** A cursor this service did not hand out. */
    public static class InvalidCursorException extends IllegalArgumentException {

        InvalidCursorException(String message) {
            super(message);
        }
    }
}
