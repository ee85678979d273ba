package fr.contact.eds.ingestion.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A practitioner sent to the patient; the practitioner by pseudonym only, with the role they held in the association
 * (a code of the CONTACT practitioner-role list, see {@link PractitionerRoles}).
 * <p>
 * Revision 2 added {@code practitionerRole}; revision 1 events read with no role (null).
 */
@Revision("2")
public record PractitionerDispatchedEvent(
        EpisodeId episodeId,
        Instant dispatchedAt,
        String practitionerPseudonym,
        String practitionerRole) implements EpisodeEvent {}
