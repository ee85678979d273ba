package fr.contact.eds.ingestion.intake;

import fr.contact.eds.ingestion.api.BundleAcceptedEvent;
import fr.contact.eds.ingestion.fhir.IntakeIssue;
import fr.contact.eds.ingestion.fhir.MappedBundle;
import fr.contact.eds.platform.security.Actor;
import java.util.List;

/** What became of one bundle: taken in (or already taken in before), or refused with an HTTP status. */
public sealed interface IntakeResult {

    /** Mapped and pseudonymised, not yet through the consent gate, nothing stored. */
    record Prepared(Actor actor, String bundleKey, MappedBundle mapped) implements IntakeResult {}

    record Accepted(BundleAcceptedEvent accepted, boolean repeated) implements IntakeResult {}

    record Refused(int status, List<IntakeIssue> issues) implements IntakeResult {

        /** One issue per problem, however many episodes or parser passes found it. */
        public Refused {
            issues = issues.stream().distinct().toList();
        }

        static Refused of(int status, String code, String expression, String diagnostics) {
            return new Refused(status, List.of(new IntakeIssue("error", code, expression, diagnostics)));
        }
    }
}
