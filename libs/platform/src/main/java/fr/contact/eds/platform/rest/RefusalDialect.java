package fr.contact.eds.platform.rest;

import java.util.Optional;

/**
 * How a refusal reads on a service's paths whose clients expect another shape than a problem: FHIR clients under
 * {@code /fhir} read an OperationOutcome. A service provides one as a bean; refusals no resource makes (a route
 * nobody serves, a body over the limit) are said through it too.
 */
public interface RefusalDialect {

    /** {@code problem} said at {@code path} in this dialect, or empty where the dialect does not apply. */
    Optional<Said> say(String path, Problem problem);

    /** A refusal's body and its media type. */
    record Said(String mediaType, String body) {}

    /** {@code problem} at {@code path} in the first of {@code dialects} that applies there, if one does. */
    static Optional<Said> first(Iterable<? extends RefusalDialect> dialects, String path, Problem problem) {
        for (RefusalDialect dialect : dialects) {
            Optional<Said> said = dialect.say(path, problem);
            if (said.isPresent()) {
                return said;
            }
        }
        return Optional.empty();
    }
}
