package fr.contact.eds.portal.statistics.rest;

import fr.contact.eds.portal.catalog.Catalog;
import fr.contact.eds.portal.statistics.BarChart;
import fr.contact.eds.portal.statistics.Breakdown;
import fr.contact.eds.portal.statistics.StatisticsPeriod;
import fr.contact.eds.portal.web.BadParameter;
import fr.contact.eds.portal.web.Dates;
import fr.contact.eds.portal.web.Visitor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** Public statistics of unscheduled care: a chart and its table per dimension, small counts shown as "< 11". */
@Path("/")
public class StatisticsPages {

    static final List<String> DIMENSIONS = List.of("month", "modality", "ageBand", "departement");

    @CheckedTemplate(basePath = "statistics")
    static class Templates {

        static native TemplateInstance statistics(StatisticsPeriod period, BarChart chart, List<Breakdown> tables);
    }

    private final Catalog catalog;
    private final Visitor visitor;

    public StatisticsPages(Catalog catalog, Visitor visitor) {
        this.catalog = catalog;
        this.visitor = visitor;
    }

    @GET
    @Path("statistics")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance statistics(@QueryParam("from") String from, @QueryParam("to") String to) {
        StatisticsPeriod period = StatisticsPeriod.of(from, to, LocalDate.now(Dates.FRANCE));
        List<Breakdown> tables = DIMENSIONS.stream().map(d -> breakdown(period, d)).toList();
        return Templates.statistics(period, BarChart.of(tables.get(0)), tables).setLocale(visitor.locale());
    }

    @GET
    @Path("statistics.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy) {
        String dimension = groupBy == null || groupBy.isBlank() ? "month" : groupBy.strip();
        if (!DIMENSIONS.contains(dimension)) {
            throw new BadParameter("groupBy", groupBy);
        }
        StatisticsPeriod period = StatisticsPeriod.of(from, to, LocalDate.now(Dates.FRANCE));
        String body = breakdown(period, dimension).rows().stream().map(r -> csvField(r.label()) + "," + r.shown())
                .collect(Collectors.joining("\r\n", dimension + ",episodes\r\n", "\r\n"));
        return Response.ok(body, "text/csv;charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"contact-episodes-" + dimension + "-" + period.from() + "-" + period.to()
                        + ".csv\"")
                .build();
    }

    private Breakdown breakdown(StatisticsPeriod period, String dimension) {
        return Breakdown.of(dimension,
                catalog.statistics(period.from().toString(), period.to().toString(), dimension));
    }

    /** RFC 4180 quoting, and no leading formula character a spreadsheet would run. */
    private static String csvField(String value) {
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return safe.matches(".*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
