package fr.contact.eds.ingestion.fhir;

import fr.contact.eds.ingestion.api.PractitionerRoles;
import fr.contact.eds.pseudonymisation.Pseudonymiser;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The practitioner a Task owner or an Encounter participant names, as intake keeps them: a keyed pseudonym of the
 * association and the practitioner's identifier (RPPS), and the role code of a {@code PractitionerRole}. Names,
 * telecom and identifiers are dropped.
 */
final class Practitioners {

    /** Primary performer: the practitioner who saw the patient when an encounter lists several participants. */
    private static final String PRIMARY_PERFORMER = "PPRF";

    record Seen(String pseudonym, String role) {

        static final Seen NONE = new Seen(null, null);
    }

    private final Pseudonymiser pseudonymiser;
    private final String associationId;
    private final BundleIndex index;
    private final Map<Resource, Optional<Seen>> known = new IdentityHashMap<>();

    Practitioners(Pseudonymiser pseudonymiser, String associationId, BundleIndex index) {
        this.pseudonymiser = pseudonymiser;
        this.associationId = associationId;
        this.index = index;
    }

    /** The practitioner {@code reference} names; an issue at {@code expression} when it names none of the bundle. */
    Optional<Seen> of(Reference reference, String expression) {
        if (!reference.hasReference()) {
            index.issue(IntakeIssue.error("required", expression, "Missing reference to a Practitioner"));
            return Optional.empty();
        }
        Optional<Seen> seen = Optional.ofNullable(index.named(reference.getReference())).flatMap(this::seen);
        if (seen.isPresent()) {
            return seen;
        }
        index.issue(IntakeIssue.error("not-found", expression, "Reference " + reference.getReference()
                + " is not a Practitioner or PractitionerRole of this bundle"));
        return Optional.empty();
    }

    /**
     * Who saw the patient: the primary performer among the participants, else the first practitioner listed.
     * Participants outside the bundle are passed over (the encounter stands without them), as are related persons.
     */
    Optional<Seen> performerOf(Encounter encounter) {
        Optional<Seen> first = Optional.empty();
        for (Encounter.EncounterParticipantComponent participant : encounter.getParticipant()) {
            Optional<Seen> seen = Optional.ofNullable(index.named(participant.getIndividual().getReference()))
                    .flatMap(this::seen);
            if (seen.isPresent() && isPrimaryPerformer(participant)) {
                return seen;
            }
            first = first.or(() -> seen);
        }
        return first;
    }

    /** Once per resource, so that a role named by the dispatch and the encounter is checked once. */
    private Optional<Seen> seen(Resource resource) {
        return known.computeIfAbsent(resource, this::practitioner);
    }

    private Optional<Seen> practitioner(Resource resource) {
        if (resource instanceof Practitioner practitioner) {
            return Optional.of(new Seen(pseudonymOf(practitioner), null));
        }
        return resource instanceof PractitionerRole role ? Optional.of(withRole(role)) : Optional.empty();
    }

    private static boolean isPrimaryPerformer(Encounter.EncounterParticipantComponent participant) {
        return participant.getType().stream().flatMap(t -> t.getCoding().stream())
                .anyMatch(c -> PRIMARY_PERFORMER.equals(c.getCode()));
    }

    private Seen withRole(PractitionerRole role) {
        String path = index.pathOf(role);
        String pseudonym = null;
        if (role.hasPractitioner()) {
            Resource practitioner = index.named(role.getPractitioner().getReference());
            if (practitioner instanceof Practitioner p) {
                pseudonym = pseudonymOf(p);
            } else {
                index.issue(IntakeIssue.error("not-found", path + ".practitioner", "Reference "
                        + role.getPractitioner().getReference() + " is not a Practitioner of this bundle"));
            }
        }
        return new Seen(pseudonym, roleCode(role, path));
    }

    /** The CONTACT role code; codings of other systems say nothing intake can compare, and are left out. */
    private String roleCode(PractitionerRole role, String path) {
        for (int i = 0; i < role.getCode().size(); i++) {
            for (Coding coding : role.getCode().get(i).getCoding()) {
                if (!PractitionerRoles.SYSTEM.equals(coding.getSystem())) {
                    continue;
                }
                if (coding.getCode() != null && PractitionerRoles.ALL.contains(coding.getCode())) {
                    return coding.getCode();
                }
                index.issue(IntakeIssue.error("code-invalid", path + ".code[" + i + "]", "Practitioner role "
                        + coding.getCode() + " is not one of " + String.join(", ", PractitionerRoles.ALL) + " ("
                        + PractitionerRoles.SYSTEM + ")"));
                return null;
            }
        }
        return null;
    }

    private String pseudonymOf(Practitioner practitioner) {
        return pseudonymiser.keyedIdentifier("practitioner", associationId + "|"
                + BundleIndex.ownIdentifier(practitioner.getIdentifierFirstRep(), practitioner));
    }
}
