package fr.contact.eds.catalog.api;

import java.time.Instant;

public record ProjectChangesRequestedEvent(String projectId, Instant at) {}
