package fr.contact.eds.catalog.api;

import java.time.Instant;

public record ProjectDraftedEvent(String projectId, String owner, ProjectProposal proposal, Instant at) {}
