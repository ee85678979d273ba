package fr.contact.eds.catalog.api;

import java.time.Instant;

public record ProjectClosedEvent(String projectId, String resultsSummary, Instant at) {}
