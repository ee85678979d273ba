package fr.contact.eds.portal.register.rest;

import fr.contact.eds.portal.catalog.Catalog;
import fr.contact.eds.portal.catalog.RegisterEntry;
import fr.contact.eds.portal.register.RegisterQuery;
import fr.contact.eds.portal.register.RegisterSearch;
import fr.contact.eds.portal.web.PageNotFound;
import fr.contact.eds.portal.web.Visitor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The public register of research projects (EHDS Art. 58): who receives which data, for what, with what results. */
@Path("/projects")
@Produces(MediaType.TEXT_HTML)
public class RegisterPages {

    @CheckedTemplate(basePath = "register")
    static class Templates {

        static native TemplateInstance projects(RegisterSearch search);

        static native TemplateInstance project(RegisterEntry project);
    }

    private final Catalog catalog;
    private final Visitor visitor;

    public RegisterPages(Catalog catalog, Visitor visitor) {
        this.catalog = catalog;
        this.visitor = visitor;
    }

    @GET
    public TemplateInstance projects(@QueryParam("q") String text, @QueryParam("status") String status,
            @QueryParam("year") String year, @QueryParam("theme") String theme) {
        RegisterQuery query = RegisterQuery.of(text, status, year, theme);
        return Templates.projects(RegisterSearch.of(catalog.register(), query)).setLocale(visitor.locale());
    }

    @GET
    @Path("{projectId}")
    public TemplateInstance project(@PathParam("projectId") String projectId) {
        RegisterEntry project = catalog.project(projectId).orElseThrow(() -> new PageNotFound(projectId));
        return Templates.project(project).setLocale(visitor.locale());
    }
}
