package fr.contact.eds.ingestion.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * One bundle's resources by every reference that may name them (full URL, type/id) and by their entry, with the
 * issues the mapping finds in it: what the mapper and its helpers share, in one place.
 */
final class BundleIndex {

    private final List<IntakeIssue> issues = new ArrayList<>();
    private final Map<Resource, Integer> entryIndex = new IdentityHashMap<>();
    private final Map<String, Resource> byReference = new HashMap<>();

    void add(Bundle bundle) {
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            Resource resource = entry.getResource();
            if (resource == null) {
                issue(IntakeIssue.error("required", at(i), "Bundle entry without resource"));
                continue;
            }
            if (entry.hasFullUrl()) {
                byReference.put(entry.getFullUrl(), resource);
            }
            if (resource.getIdElement().hasIdPart()) {
                byReference.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
            }
            entryIndex.put(resource, i);
            ExtensionChecks.onceEach(resource, at(i), issues);
        }
    }

    void issue(IntakeIssue issue) {
        issues.add(issue);
    }

    List<IntakeIssue> issues() {
        return issues;
    }

    /** The resource a literal reference names in the bundle, or null. */
    Resource named(String reference) {
        return reference == null ? null : byReference.get(reference);
    }

    /** The FHIRPath of a resource of the bundle, for issues. */
    String pathOf(Resource resource) {
        return at(entryIndex.get(resource));
    }

    int entryOf(Resource resource) {
        return entryIndex.get(resource);
    }

    <T extends Resource> Optional<T> resolve(Reference reference, Class<T> type, String expression) {
        if (reference == null || !reference.hasReference()) {
            issue(IntakeIssue.error("required", expression, "Missing reference to a " + type.getSimpleName()));
            return Optional.empty();
        }
        Resource target = byReference.get(reference.getReference());
        if (!type.isInstance(target)) {
            issue(IntakeIssue.error("not-found", expression,
                    "Reference " + reference.getReference() + " is not a " + type.getSimpleName() + " of this bundle"));
            return Optional.empty();
        }
        return Optional.of(type.cast(target));
    }

    /** The association's own identifier of a resource: its first identifier, else its id in the bundle. */
    static String ownIdentifier(Identifier first, Resource resource) {
        return first.hasValue() ? first.getValue() : resource.getIdElement().getIdPart();
    }

    static String at(int entry) {
        return "Bundle.entry[" + entry + "].resource";
    }
}
