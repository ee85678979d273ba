package fr.contact.eds.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, from its verified token. */
@RequestScoped
public class CurrentActor {

    private final JsonWebToken token;

    public CurrentActor(JsonWebToken token) {
        this.token = token;
    }

    public Actor get() {
        if (token == null || token.getSubject() == null) {
            throw new NotAuthorizedException("Bearer");
        }
        return new Actor(token.getSubject(), token.getGroups(), token.getClaim("association"),
                token.getClaim("project"));
    }
}
