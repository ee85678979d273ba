package fr.contact.eds.ingestion.intake;

import fr.contact.eds.ingestion.fhir.FhirSystems;
import fr.contact.eds.ingestion.fhir.IntakeIssue;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;

/**
 * A bundle may say which association sent it (its {@code meta.source}, an Organization with CONTACT's association
 * identifier); when it names another one than the token does, it is refused rather than filed under the caller, who
 * would then hold another association's episodes.
 */
public final class AssociationClaims {

    private AssociationClaims() {}

    public static Optional<IntakeIssue> otherThan(String caller, Bundle bundle) {
        String source = bundle.getMeta().getSource();
        if (source != null && source.startsWith(FhirSystems.ASSOCIATION_SOURCE)) {
            String named = source.substring(FhirSystems.ASSOCIATION_SOURCE.length()).split("[/#]", 2)[0];
            if (!named.equals(caller)) {
                return Optional.of(refusal("Bundle.meta.source", named, caller));
            }
        }
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            if (bundle.getEntry().get(i).getResource() instanceof Organization organization) {
                for (int j = 0; j < organization.getIdentifier().size(); j++) {
                    Identifier identifier = organization.getIdentifier().get(j);
                    if (FhirSystems.ASSOCIATION.equals(identifier.getSystem())
                            && !caller.equals(identifier.getValue())) {
                        return Optional.of(refusal("Bundle.entry[" + i + "].resource.identifier[" + j + "].value",
                                identifier.getValue(), caller));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static IntakeIssue refusal(String expression, String named, String caller) {
        return IntakeIssue.error("forbidden", expression, "The bundle names association '" + named
                + "', the token '" + caller + "': an association sends only its own data");
    }
}
