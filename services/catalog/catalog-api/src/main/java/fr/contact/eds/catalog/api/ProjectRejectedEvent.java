package fr.contact.eds.catalog.api;

import java.time.Instant;

public record ProjectRejectedEvent(String projectId, Instant at) {}
