package fr.contact.eds.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, from its verified token. */
@RequestScoped
public class CurrentActor {

    @Inject
    JsonWebToken token;

    public Actor get() {
        if (token == null || token.getSubject() == null) {
            throw new NotAuthorizedException("Bearer");
        }
        return new Actor(token.getSubject(), token.getGroups(), token.getClaim("association"),
                token.getClaim("project"));
    }
}
