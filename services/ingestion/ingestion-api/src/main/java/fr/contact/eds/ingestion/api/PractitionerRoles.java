package fr.contact.eds.ingestion.api;

import java.util.List;

/**
 * The role a practitioner holds in an on-call association, as associations code it in
 * {@code PractitionerRole.code} (system {@link #SYSTEM}). A role, unlike a name or an RPPS number, is shared by
 * many practitioners, so it travels in clear next to the practitioner's pseudonym.
 */
public final class PractitionerRoles {

    public static final String SYSTEM = "https://contact-eds.fr/fhir/CodeSystem/practitioner-role";

    /** A general practitioner who is a member of the association. */
    public static final String ASSOCIATE = "associate";
    /** A general practitioner replacing a member (remplaçant). */
    public static final String LOCUM = "locum";
    /** A resident in general practice (interne or docteur junior), under a member's supervision. */
    public static final String RESIDENT = "resident";
    /** A regulating physician (médecin régulateur), who answers calls and may consult at a distance. */
    public static final String REGULATOR = "regulator";

    public static final List<String> ALL = List.of(ASSOCIATE, LOCUM, RESIDENT, REGULATOR);

    private PractitionerRoles() {}
}
