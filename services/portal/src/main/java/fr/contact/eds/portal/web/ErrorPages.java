package fr.contact.eds.portal.web;

import fr.contact.eds.portal.consent.ConsentRefused;
import io.quarkus.oidc.OIDCException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure a visitor can meet answers a page in their language: what happened and what to do, never a stack
 * trace or an empty body. A service that cannot answer is a 503 with Retry-After, not a 500.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    private static final int RETRY_AFTER_SECONDS = 30;

    @CheckedTemplate(basePath = "errors")
    static class Templates {

        static native TemplateInstance error(Integer status, String parameter, String detail);
    }

    private final Visitor visitor;

    public ErrorPages(Visitor visitor) {
        this.visitor = visitor;
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailable e) {
        LOG.warnf("%s: %s", e.service(), e.getMessage());
        return page(503, null).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response notFound(PageNotFound e) {
        return page(404, null).build();
    }

    @ServerExceptionMapper
    public Response noRoute(NotFoundException e) {
        return page(404, null).build();
    }

    @ServerExceptionMapper
    public Response badParameter(BadParameter e) {
        return page(400, e.parameter()).build();
    }

    /** A service refused what the person asked, and said why (in its own words, English). */
    @ServerExceptionMapper
    public Response refused(ConsentRefused e) {
        return page(e.status(), e.field(), e.getMessage()).build();
    }

    /** The identity provider does not answer: nobody can sign in for now. */
    @ServerExceptionMapper
    public Response signInUnavailable(OIDCException e) {
        LOG.warnf("identity provider: %s", e.getMessage());
        return page(503, null).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response signInFailed(AuthenticationFailedException e) {
        if (e.getCause() instanceof OIDCException cause) {
            return signInUnavailable(cause);
        }
        return page(403, null).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, null).build();
    }

    @ServerExceptionMapper
    public Response staleForm(Csrf.FormRefused e) {
        return page(403, null).build();
    }

    private Response.ResponseBuilder page(int status, String parameter) {
        return page(status, parameter, null);
    }

    private Response.ResponseBuilder page(int status, String parameter, String detail) {
        String html = Templates.error(status, parameter, detail).setLocale(visitor.locale()).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html);
    }
}
