package fr.contact.eds.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

@RequestScoped
public class CurrentActor {

    @Inject
    JsonWebToken token;

    @Produces
    @RequestScoped
    Actor actor() {
        if (token == null || token.getSubject() == null) {
            throw new jakarta.ws.rs.NotAuthorizedException("Bearer");
        }
        return new Actor(token.getSubject(), token.getGroups(), token.getClaim("association"),
                token.getClaim("project"));
    }
}
