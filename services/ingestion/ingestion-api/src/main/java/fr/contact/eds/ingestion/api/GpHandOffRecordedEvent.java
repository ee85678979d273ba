package fr.contact.eds.ingestion.api;

import java.time.Instant;

/** The report sent to the patient's regular GP (médecin traitant). */
public record GpHandOffRecordedEvent(EpisodeId episodeId, Instant sentAt) implements EpisodeEvent {}
