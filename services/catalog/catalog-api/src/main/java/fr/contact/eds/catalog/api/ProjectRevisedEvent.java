package fr.contact.eds.catalog.api;

import java.time.Instant;

public record ProjectRevisedEvent(String projectId, ProjectProposal proposal, Instant at) {}
