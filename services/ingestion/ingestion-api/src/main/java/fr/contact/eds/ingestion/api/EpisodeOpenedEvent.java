package fr.contact.eds.ingestion.api;

import fr.contact.eds.platform.api.DataSubject;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.api.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A care episode seen for the first time or again: who it concerns, by pseudonym and generalised traits
 * only. {@code episodeId} is derived from the association and its own episode identifier with the
 * pseudonymisation key, so the source software's identifiers never enter the store.
 * <p>
 * Revision 2: the patient's pseudonym, sex, age and birth year are personal data, encrypted under the patient's
 * key ({@code subjectKeyId}); once the patient's data is erased they read as null, while the age band and the
 * département survive for statistics. Revision 1 events (before crypto-shredding) hold them in clear.
 * <p>
 * Revision 3: {@code departement} is where care happened (the encounter's location, else the patient's home in
 * France), and {@code residence} the patient's own: a département code, {@code abroad} when the country is not
 * France, or null when not known. Earlier events have a null residence and the home département as departement.
 */
@Revision("3")
public record EpisodeOpenedEvent(
        EpisodeId episodeId,
        String associationId,
        @PersonalData PatientPseudonym patientPseudonym,
        int keyVersion,
        @DataSubject String subjectKeyId,
        @PersonalData String sex,
        @PersonalData Integer ageYears,
        String ageBand,
        @PersonalData Integer birthYear,
        String departement,
        Instant openedAt,
        String residence) implements EpisodeEvent {

    public static final String ABROAD = "abroad";

    /** An opening recorded before residence was kept apart. */
    public EpisodeOpenedEvent(EpisodeId episodeId, String associationId, PatientPseudonym patientPseudonym,
            int keyVersion,
            String subjectKeyId, String sex, Integer ageYears, String ageBand, Integer birthYear, String departement,
            Instant openedAt) {
        this(episodeId, associationId, patientPseudonym, keyVersion, subjectKeyId, sex, ageYears, ageBand, birthYear,
                departement, openedAt, null);
    }

    /** The same opening, its personal data to be encrypted under {@code keyId}. */
    public EpisodeOpenedEvent withSubjectKeyId(String keyId) {
        return new EpisodeOpenedEvent(episodeId, associationId, patientPseudonym, keyVersion, keyId, sex, ageYears,
                ageBand, birthYear, departement, openedAt, residence);
    }
}
