package fr.contact.eds.ingestion.api;

import fr.contact.eds.platform.api.DataSubject;
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
 */
@Revision("2")
public record EpisodeOpenedEvent(
        String episodeId,
        String associationId,
        @PersonalData String patientPseudonym,
        int keyVersion,
        @DataSubject String subjectKeyId,
        @PersonalData String sex,
        @PersonalData Integer ageYears,
        String ageBand,
        @PersonalData Integer birthYear,
        String departement,
        Instant openedAt) implements EpisodeEvent {

    /** The same opening, its personal data to be encrypted under {@code keyId}. */
    public EpisodeOpenedEvent withSubjectKeyId(String keyId) {
        return new EpisodeOpenedEvent(episodeId, associationId, patientPseudonym, keyVersion, keyId, sex, ageYears,
                ageBand, birthYear, departement, openedAt);
    }
}
