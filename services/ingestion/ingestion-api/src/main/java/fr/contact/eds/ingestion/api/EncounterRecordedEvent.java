package fr.contact.eds.ingestion.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The visit, consultation or teleconsultation and its timings ({@code arrivedAt} for home visits), and the
 * practitioner who saw the patient: by pseudonym only, with their role (see {@link PractitionerRoles}).
 * <p>
 * Revision 2 added {@code practitionerPseudonym} and {@code practitionerRole}; revision 1 events read with neither.
 */
@Revision("2")
public record EncounterRecordedEvent(
        EpisodeId episodeId,
        EncounterClass encounterClass,
        Instant startedAt,
        Instant endedAt,
        Instant arrivedAt,
        String practitionerPseudonym,
        String practitionerRole) implements EpisodeEvent {}
