package fr.contact.eds.catalog.api;

import java.time.Instant;

public record CseOpinionRecordedEvent(String projectId, String reviewer, boolean patientRepresentative, Opinion opinion,
        String comment, Instant at) {}
