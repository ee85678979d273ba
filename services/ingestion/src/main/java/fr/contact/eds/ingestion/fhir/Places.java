package fr.contact.eds.ingestion.fhir;

import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.pseudonymisation.Territory;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Where an episode's care happened and where its patient lives: two places, since a patient may live abroad. A
 * foreign postal code is never read as a French one (US ZIP 02108 is not the Aisne).
 */
final class Places {

    /** France and its overseas territories, as ISO 3166 codes (alpha-2 and alpha-3) or by name. */
    private static final Set<String> FRANCE = Set.of("FR", "FRA", "FRANCE", "GP", "GLP", "GUADELOUPE", "MQ", "MTQ",
            "MARTINIQUE", "GF", "GUF", "GUYANE", "RE", "REU", "REUNION", "LA REUNION", "YT", "MYT", "MAYOTTE", "PM",
            "SPM", "BL", "BLM", "MF", "MAF");

    private Places() {}

    /**
     * The patient's residence: the département of their first current address in France, {@link
     * EpisodeOpenedEvent#ABROAD} when it is in another country, null when no address says. A French address in no
     * département is refused (InvalidIdentityException), as before.
     */
    static String residence(Patient patient) {
        for (Address address : patient.getAddress()) {
            if (address.getUse() == Address.AddressUse.OLD) {
                continue;
            }
            if (!inFrance(address)) {
                return EpisodeOpenedEvent.ABROAD;
            }
            String departement = departementOf(address);
            if (departement != null) {
                return departement;
            }
        }
        return null;
    }

    /**
     * Where care happened: the département of the encounter's Location when the bundle holds it with a French
     * address; else, for an association whose territory is known, the patient's home when it lies in that territory
     * (a home visit happens there) or the territory itself when it is a single département; else, for an association
     * whose territory is not configured, the patient's home in France. Null when none of these says.
     */
    static String ofCare(Encounter encounter, Function<Reference, Resource> inBundle, String residence,
            List<String> territory, String path, List<IntakeIssue> issues) {
        if (encounter != null) {
            for (int i = 0; i < encounter.getLocation().size(); i++) {
                Resource location = inBundle.apply(encounter.getLocation().get(i).getLocation());
                if (location instanceof Location place && place.hasAddress() && inFrance(place.getAddress())) {
                    try {
                        String departement = departementOf(place.getAddress());
                        if (departement != null) {
                            return departement;
                        }
                    } catch (fr.contact.eds.pseudonymisation.InvalidIdentityException e) {
                        issues.add(IntakeIssue.error("invalid", path + ".location[" + i + "].location",
                                "The encounter's Location: " + e.getMessage()));
                        return null;
                    }
                }
            }
        }
        String home = EpisodeOpenedEvent.ABROAD.equals(residence) ? null : residence;
        if (territory.isEmpty() || home != null && territory.contains(home)) {
            return home;
        }
        return territory.size() == 1 ? territory.get(0) : null;
    }

    private static boolean inFrance(Address address) {
        if (!address.hasCountry()) {
            return true;
        }
        String country = Normalizer.normalize(address.getCountry().trim(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toUpperCase(java.util.Locale.ROOT);
        return FRANCE.contains(country);
    }

    private static String departementOf(Address address) {
        Extension insee = address.getExtensionByUrl(FhirSystems.EXT_INSEE_COMMUNE);
        if (insee != null) {
            return Territory.departementOf(insee.getValue().primitiveValue());
        }
        return address.hasPostalCode() ? Territory.departementOfPostalCode(address.getPostalCode()) : null;
    }
}
