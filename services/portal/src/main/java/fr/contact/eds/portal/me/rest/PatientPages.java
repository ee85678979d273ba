package fr.contact.eds.portal.me.rest;

import fr.contact.eds.portal.audit.AccessesPage;
import fr.contact.eds.portal.audit.Audit;
import fr.contact.eds.portal.catalog.Catalog;
import fr.contact.eds.portal.catalog.RegisterEntry;
import fr.contact.eds.portal.consent.ChildIdentity;
import fr.contact.eds.portal.consent.Consent;
import fr.contact.eds.portal.consent.ConsentStatus;
import fr.contact.eds.portal.consent.Receipt;
import fr.contact.eds.portal.me.PatientName;
import fr.contact.eds.portal.me.ReceiptPage;
import fr.contact.eds.portal.web.BadParameter;
import fr.contact.eds.portal.web.Csrf;
import fr.contact.eds.portal.web.PageNotFound;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The patient's space: their status in one sentence, opposing or withdrawing (all reuse or one project), erasure
 * behind a warning, their history, and who accessed their data. Every decision answers with a receipt page. Consent
 * and audit are called with the patient's own token, so they record and decide as for any other call.
 */
@Path("/me")
@RolesAllowed("patient")
@Produces(MediaType.TEXT_HTML)
public class PatientPages {

    @CheckedTemplate(basePath = "me")
    static class Templates {

        static native TemplateInstance status(PatientName name, ConsentStatus status, List<RegisterEntry> projects);

        static native TemplateInstance receipt(ReceiptPage page);

        static native TemplateInstance erasure();

        static native TemplateInstance project(RegisterEntry project, boolean opposed);

        static native TemplateInstance accesses(AccessesPage page);
    }

    private final Consent consent;
    private final Catalog catalog;
    private final Audit audit;
    private final PatientSession session;

    public PatientPages(Consent consent, Catalog catalog, Audit audit, PatientSession session) {
        this.consent = consent;
        this.catalog = catalog;
        this.audit = audit;
        this.session = session;
    }

    @GET
    public TemplateInstance status() {
        ConsentStatus status = consent.status();
        // Titles only for the projects the patient opposes: none, no call to the catalog.
        List<RegisterEntry> opposed = status.opposedProjects().isEmpty() ? List.of()
                : catalog.register().stream().filter(p -> status.opposedProjects().contains(p.projectId())).toList();
        return session.page(Templates.status(session.name(), status, opposed));
    }

    @POST
    @Path("opposition")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance oppose(@FormParam(Csrf.FIELD) String csrf) {
        session.checkForm(csrf);
        return session.page(Templates.receipt(ReceiptPage.of(consent.oppose(null), false)));
    }

    @POST
    @Path("withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance withdraw(@FormParam(Csrf.FIELD) String csrf) {
        session.checkForm(csrf);
        return session.page(Templates.receipt(ReceiptPage.of(consent.withdraw(null), false)));
    }

    @GET
    @Path("erasure")
    public TemplateInstance erasureWarning() {
        return session.page(Templates.erasure());
    }

    /** Irreversible: only with the box ticked that says so. */
    @POST
    @Path("erasure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance erase(@FormParam(Csrf.FIELD) String csrf, @FormParam("irreversible") String understood) {
        session.checkForm(csrf);
        if (!"yes".equals(understood)) {
            throw new BadParameter("irreversible", understood);
        }
        return session.page(Templates.receipt(ReceiptPage.of(consent.erase(null), false)));
    }

    @GET
    @Path("projects/{projectId}/opposition")
    public TemplateInstance project(@PathParam("projectId") String projectId) {
        RegisterEntry project = registered(projectId);
        return session.page(Templates.project(project, consent.status().opposedProjects().contains(projectId)));
    }

    @POST
    @Path("projects/{projectId}/opposition")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance opposeProject(@PathParam("projectId") String projectId,
            @FormParam(Csrf.FIELD) String csrf) {
        return projectDecision(projectId, csrf, consent::opposeProject);
    }

    @POST
    @Path("projects/{projectId}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance withdrawProject(@PathParam("projectId") String projectId,
            @FormParam(Csrf.FIELD) String csrf) {
        return projectDecision(projectId, csrf, consent::withdrawProject);
    }

    /** A decision about one project of the register, for the patient themself. */
    private TemplateInstance projectDecision(String projectId, String csrf,
            BiFunction<String, ChildIdentity, Receipt> decision) {
        session.checkForm(csrf);
        RegisterEntry project = registered(projectId);
        return session.page(Templates.receipt(new ReceiptPage(decision.apply(projectId, null), false, projectId,
                project.title())));
    }

    @GET
    @Path("accesses")
    public TemplateInstance accesses(@QueryParam("cursor") String cursor) {
        return session.page(Templates.accesses(audit.accesses(cursor)));
    }

    private RegisterEntry registered(String projectId) {
        return catalog.project(projectId).orElseThrow(() -> new PageNotFound(projectId));
    }
}
