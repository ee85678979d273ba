package fr.contact.eds.portal.me.rest;

import fr.contact.eds.portal.me.PatientName;
import fr.contact.eds.portal.web.Csrf;
import fr.contact.eds.portal.web.Visitor;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What every page of the patient's space needs of the request: their language, their name, the form check. */
@RequestScoped
class PatientSession {

    private final Visitor visitor;
    private final Csrf csrf;
    private final SecurityIdentity identity;

    PatientSession(Visitor visitor, Csrf csrf, SecurityIdentity identity) {
        this.visitor = visitor;
        this.csrf = csrf;
        this.identity = identity;
    }

    TemplateInstance page(TemplateInstance template) {
        return template.setLocale(visitor.locale());
    }

    PatientName name() {
        // Signed in through the code flow, the principal is the ID token.
        return identity.getPrincipal() instanceof JsonWebToken idToken ? PatientName.of(idToken)
                : new PatientName(null, null);
    }

    void checkForm(String submitted) {
        csrf.check(submitted);
    }
}
