package fr.contact.eds.episodes.indicators.rest;

import fr.contact.eds.episodes.episodes.EpisodeSlots;
import fr.contact.eds.episodes.indicators.Indicators;
import fr.contact.eds.episodes.indicators.Indicators.AccessToCare;
import fr.contact.eds.episodes.indicators.Indicators.Period;
import fr.contact.eds.episodes.indicators.Indicators.SyndromicRow;
import fr.contact.eds.platform.consistency.DeadLetterGate;
import fr.contact.eds.platform.rest.DateParams;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.CurrentActor;
import fr.contact.eds.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Aggregates for public health: the daily and weekly syndromic feed and access-to-care indicators, in JSON or CSV.
 * Counts from 1 to 10 are shown as "&lt;11" (and their shares withheld) to everyone but the data steward, so that
 * no published figure can single out a patient.
 */
@Path("/indicators")
@RolesAllowed({Roles.DATA_STEWARD, Roles.DPO, Roles.RESEARCHER, Roles.CSE_MEMBER, Roles.ASSOCIATION})
public class IndicatorResource {

    static final String CSV = "text/csv";
    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final int MAX_DAYS = 366;

    /** A figure is a number, or "<11" when suppressed; a share is empty when either of its figures is. */
    public record SyndromicView(String period, String syndrome, String departement, String ageBand, Object episodes,
            Object allEpisodes, Object share) {}

    public record Feed(String period, String from, String to, String syndromeDefinitions,
            boolean smallCountsSuppressed, List<SyndromicView> rows) {}

    public record DelayView(String departement, int hour, Object episodes, Object medianMinutes,
            Object p90Minutes) {}

    public record EmergencyView(String departement, Object episodes, Object endingAtEmergencyDepartment,
            Object share) {}

    public record AccessView(String from, String to, boolean smallCountsSuppressed, List<DelayView> delays,
            List<EmergencyView> emergencyDepartment) {}

    private final Indicators indicators;
    private final CurrentActor currentActor;
    private final DeadLetterGate deadLetters;
    private final EpisodeSlots slots;

    public IndicatorResource(Indicators indicators, CurrentActor currentActor, DeadLetterGate deadLetters,
            EpisodeSlots slots) {
        this.indicators = indicators;
        this.currentActor = currentActor;
        this.deadLetters = deadLetters;
        this.slots = slots;
    }

    @GET
    @Path("/daily")
    @Produces(MediaType.APPLICATION_JSON)
    public Feed daily(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate yesterday = LocalDate.now(FRANCE).minusDays(1);
        return feed(Period.DAY, DateParams.date("from", from, yesterday), DateParams.date("to", to, yesterday));
    }

    @GET
    @Path("/daily")
    @Produces(CSV)
    public String dailyCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        return csv(daily(from, to));
    }

    @GET
    @Path("/weekly")
    @Produces(MediaType.APPLICATION_JSON)
    public Feed weekly(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate lastMonday = LocalDate.now(FRANCE).with(TemporalAdjusters.previous(DayOfWeek.MONDAY)).minusWeeks(1);
        LocalDate start = DateParams.date("from", from, lastMonday)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = DateParams.date("to", to, lastMonday).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        return feed(Period.WEEK, start, end);
    }

    @GET
    @Path("/weekly")
    @Produces(CSV)
    public String weeklyCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        return csv(weekly(from, to));
    }

    @GET
    @Path("/access-to-care")
    @Produces(MediaType.APPLICATION_JSON)
    public AccessView accessToCare(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate yesterday = LocalDate.now(FRANCE).minusDays(1);
        LocalDate start = DateParams.date("from", from, yesterday.minusDays(27));
        LocalDate end = DateParams.date("to", to, yesterday);
        checkRange(start, end);
        deadLetters.requireNone(slots.serving());
        AccessToCare access = indicators.accessToCare(start, end);
        boolean exact = exact();
        return new AccessView(start.toString(), end.toString(), !exact, access.delays().stream()
                .map(r -> new DelayView(r.departement(), r.hour(), shown(r.episodes(), exact),
                        small(r.episodes(), exact) ? "" : r.medianMinutes(),
                        small(r.episodes(), exact) ? "" : r.p90Minutes()))
                .toList(),
                access.emergencyDepartment().stream().map(r -> new EmergencyView(r.departement(),
                        shown(r.episodes(), exact), shown(r.endingAtEmergencyDepartment(), exact),
                        small(r.episodes(), exact) || small(r.endingAtEmergencyDepartment(), exact) ? ""
                                : share(r.endingAtEmergencyDepartment(), r.episodes())))
                        .toList());
    }

    private Feed feed(Period period, LocalDate from, LocalDate to) {
        checkRange(from, to);
        deadLetters.requireNone(slots.serving());
        boolean exact = exact();
        List<SyndromicView> rows = indicators.syndromic(from, to, period).stream().map(r -> row(r, exact)).toList();
        return new Feed(period.name().toLowerCase(java.util.Locale.ROOT), from.toString(), to.toString(),
                "v" + indicators.syndromesVersion(), !exact, rows);
    }

    private static SyndromicView row(SyndromicRow r, boolean exact) {
        boolean hidden = small(r.count(), exact) || small(r.total(), exact);
        return new SyndromicView(r.period(), r.syndrome(), r.departement(), r.ageBand() == null ? "" : r.ageBand(),
                shown(r.count(), exact), shown(r.total(), exact), hidden ? "" : share(r.count(), r.total()));
    }

    /** The data steward sees exact figures; every other output suppresses counts from 1 to 10. */
    private boolean exact() {
        return currentActor.get().hasRole(Roles.DATA_STEWARD);
    }

    private static boolean small(int count, boolean exact) {
        return !exact && count >= 1 && count <= 10;
    }

    private static Object shown(int count, boolean exact) {
        return small(count, exact) ? "<11" : count;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    private static String csv(Feed feed) {
        StringBuilder out = new StringBuilder("period,syndrome,departement,ageBand,episodes,allEpisodes,share\n");
        for (SyndromicView r : feed.rows()) {
            out.append(String.join(",", r.period(), r.syndrome(), r.departement(), r.ageBand(),
                    String.valueOf(r.episodes()), String.valueOf(r.allEpisodes()), String.valueOf(r.share())))
                    .append('\n');
        }
        return out.toString();
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("to", "to is before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.badRequest("from", "At most " + MAX_DAYS + " days at once");
        }
    }
}
