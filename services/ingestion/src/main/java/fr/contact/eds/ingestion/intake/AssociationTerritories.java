package fr.contact.eds.ingestion.intake;

import fr.contact.eds.pseudonymisation.Territory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The départements each association covers, as the platform team configures them: checked once at start, so a
 * mistyped code stops the service instead of placing episodes nowhere.
 */
public final class AssociationTerritories {

    private final Map<String, List<String>> byAssociation;

    private AssociationTerritories(Map<String, List<String>> byAssociation) {
        this.byAssociation = byAssociation;
    }

    /** @throws IllegalArgumentException naming the association and the value that is no French département */
    public static AssociationTerritories of(Map<String, List<String>> configured) {
        Map<String, List<String>> checked = new TreeMap<>();
        configured.forEach((association, departements) -> {
            List<String> codes = departements.stream().map(String::trim).filter(code -> !code.isEmpty()).toList();
            for (String code : codes) {
                if (!Territory.isDepartement(code)) {
                    throw new IllegalArgumentException("contact.ingestion.territories." + association + ": " + code
                            + " is no French département (01-95, 2A, 2B, 971-976)");
                }
            }
            checked.put(association, codes);
        });
        return new AssociationTerritories(Map.copyOf(checked));
    }

    /** Empty when the association's territory is not configured. */
    public List<String> of(String associationId) {
        return byAssociation.getOrDefault(associationId, List.of());
    }
}
