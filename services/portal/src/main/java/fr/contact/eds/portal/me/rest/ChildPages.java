package fr.contact.eds.portal.me.rest;

import fr.contact.eds.portal.consent.ChildIdentity;
import fr.contact.eds.portal.consent.Consent;
import fr.contact.eds.portal.consent.ConsentRefused;
import fr.contact.eds.portal.consent.ConsentStatus;
import fr.contact.eds.portal.me.ChildForm;
import fr.contact.eds.portal.me.ReceiptPage;
import fr.contact.eds.portal.web.BadParameter;
import fr.contact.eds.portal.web.Csrf;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A parent or legal guardian acts for their minor child. The child's identity travels in the form's body, never
 * in a URL. Reversible decisions take effect online; an erasure becomes a request the DPO office completes once it
 * holds proof of parental authority (consent decides this, the page only says it).
 */
@Path("/me/child")
@RolesAllowed("patient")
@Produces(MediaType.TEXT_HTML)
public class ChildPages {

    @CheckedTemplate(basePath = "me")
    static class Templates {

        static native TemplateInstance child(ChildForm form);

        static native TemplateInstance childStatus(ChildForm form, ConsentStatus status);
    }

    private final Consent consent;
    private final PatientSession session;

    public ChildPages(Consent consent, PatientSession session) {
        this.consent = consent;
        this.session = session;
    }

    @GET
    public TemplateInstance form() {
        return session.page(Templates.child(ChildForm.empty()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@FormParam(Csrf.FIELD) String csrf, @FormParam("action") String action,
            @FormParam("ins") String ins, @FormParam("familyName") String familyName,
            @FormParam("givenName") String givenName, @FormParam("birthDate") String birthDate,
            @FormParam("sex") String sex, @FormParam("birthPlace") String birthPlace) {
        session.checkForm(csrf);
        ChildIdentity child = ChildIdentity.of(ins, familyName, givenName, birthDate, sex, birthPlace);
        try {
            TemplateInstance page = switch (action == null ? "" : action) {
                case "status" -> Templates.childStatus(new ChildForm(child, null, null), consent.childStatus(child));
                case "oppose" -> PatientPages.Templates.receipt(ReceiptPage.of(consent.oppose(child), true));
                case "withdraw" -> PatientPages.Templates.receipt(ReceiptPage.of(consent.withdraw(child), true));
                case "erase" -> PatientPages.Templates.receipt(ReceiptPage.of(consent.erase(child), true));
                default -> throw new BadParameter("action", action);
            };
            return Response.ok(session.page(page)).build();
        } catch (ConsentRefused refused) {
            // Shown again as typed, the refusal beside its field: the parent corrects and sends again.
            return Response.status(refused.status())
                    .entity(session.page(Templates.child(new ChildForm(child, refused.field(), refused.getMessage()))))
                    .build();
        }
    }
}
