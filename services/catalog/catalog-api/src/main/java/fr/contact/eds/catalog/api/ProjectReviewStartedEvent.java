package fr.contact.eds.catalog.api;

import java.time.Instant;

public record ProjectReviewStartedEvent(String projectId, String reviewer, Instant at) {}
