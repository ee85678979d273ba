package fr.contact.eds.portal.information.rest;

import fr.contact.eds.portal.catalog.Catalog;
import fr.contact.eds.portal.information.Figures;
import fr.contact.eds.portal.information.PortalConfig;
import fr.contact.eds.portal.statistics.Breakdown;
import fr.contact.eds.portal.statistics.StatisticsPeriod;
import fr.contact.eds.portal.web.Dates;
import fr.contact.eds.portal.web.ServiceUnavailable;
import fr.contact.eds.portal.web.Visitor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;

/** What CONTACT is and what patients may do, in plain words; the accessibility statement. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class InformationPages {

    @CheckedTemplate(basePath = "information")
    static class Templates {

        static native TemplateInstance home(Figures figures);

        static native TemplateInstance rights_fr(String dpoAddress, String dpoEmail);

        static native TemplateInstance rights_en(String dpoAddress, String dpoEmail);

        static native TemplateInstance accessibility_fr();

        static native TemplateInstance accessibility_en();
    }

    private final Catalog catalog;
    private final Visitor visitor;
    private final PortalConfig config;

    public InformationPages(Catalog catalog, Visitor visitor, PortalConfig config) {
        this.catalog = catalog;
        this.visitor = visitor;
        this.config = config;
    }

    @GET
    public TemplateInstance home() {
        return Templates.home(figures()).setLocale(visitor.locale());
    }

    @GET
    @Path("rights")
    public TemplateInstance rights() {
        TemplateInstance page = english() ? Templates.rights_en(config.dpoAddress(), config.dpoEmail())
                : Templates.rights_fr(config.dpoAddress(), config.dpoEmail());
        return page.setLocale(visitor.locale());
    }

    @GET
    @Path("accessibility")
    public TemplateInstance accessibility() {
        return (english() ? Templates.accessibility_en() : Templates.accessibility_fr()).setLocale(visitor.locale());
    }

    private boolean english() {
        return "en".equals(visitor.lang());
    }

    private Figures figures() {
        try {
            StatisticsPeriod year = StatisticsPeriod.of(null, null, LocalDate.now(Dates.FRANCE));
            Breakdown months = Breakdown.of("month",
                    catalog.statistics(year.from().toString(), year.to().toString(), "month"));
            return new Figures(true, catalog.register().size(), catalog.datasets().size(), months.shownTotal());
        } catch (ServiceUnavailable e) {
            return Figures.unavailable();
        }
    }
}
