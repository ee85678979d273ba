package fr.contact.eds.catalog.api;

import java.time.Instant;

public record ProjectActivatedEvent(String projectId, Instant at) {}
