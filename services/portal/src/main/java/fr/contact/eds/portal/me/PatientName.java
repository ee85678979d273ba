package fr.contact.eds.portal.me;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in person's name as the identity provider states it, for "signed in as". */
public record PatientName(String givenName, String familyName) {

    public static PatientName of(JsonWebToken idToken) {
        return new PatientName(idToken.getClaim("given_name"), idToken.getClaim("family_name"));
    }

    public String shown() {
        String name = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        return name.isEmpty() ? "—" : name;
    }
}
