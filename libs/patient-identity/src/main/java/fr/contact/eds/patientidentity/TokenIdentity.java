package fr.contact.eds.patientidentity;

import fr.contact.eds.pseudonymisation.PatientIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The patient's own identity, as the identity provider asserted it in the token (OpenID Connect claims, as
 * FranceConnect gives them): {@code ins} for a qualified INS, else {@code family_name}, {@code given_name},
 * {@code birthdate}, {@code gender}, {@code birthplace}.
 */
public final class TokenIdentity {

    private TokenIdentity() {}

    public static IdentityInput input(JsonWebToken token) {
        return new IdentityInput(token.getClaim("ins"), token.getClaim("family_name"), token.getClaim("given_name"),
                token.getClaim("birthdate"), token.getClaim("gender"), token.getClaim("birthplace"));
    }

    public static PatientIdentity of(JsonWebToken token) {
        return input(token).toIdentity("token");
    }
}
