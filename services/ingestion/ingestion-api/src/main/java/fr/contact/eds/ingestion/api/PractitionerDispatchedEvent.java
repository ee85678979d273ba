package fr.contact.eds.ingestion.api;

import java.time.Instant;

/** A practitioner sent to the patient; the practitioner by pseudonym only. */
public record PractitionerDispatchedEvent(String episodeId, Instant dispatchedAt, String practitionerPseudonym) {}
