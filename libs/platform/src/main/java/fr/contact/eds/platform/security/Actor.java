package fr.contact.eds.platform.security;

import java.util.Set;

/**
 * Who is calling, from the verified token: subject, roles, and the organisation the token speaks for
 * (claim {@code association} for associations' software, {@code project} for research teams).
 */
public record Actor(String subject, Set<String> roles, String association, String project) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The role this call acts in, among those the endpoint allows. */
    public String roleAmong(String... allowed) {
        for (String role : allowed) {
            if (roles.contains(role)) {
                return role;
            }
        }
        throw new IllegalStateException("Caller has none of the roles " + String.join(", ", allowed));
    }

    public String organisation() {
        return association != null ? association : project;
    }
}
