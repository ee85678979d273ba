package fr.contact.eds.catalog.api;

import java.time.Instant;

public record ProjectSubmittedEvent(String projectId, Instant at) {}
