package fr.contact.eds.catalog.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner revises a draft or a project the CSE sent back for changes. */
public record ReviseProjectCommand(@TargetAggregateIdentifier String projectId, String researcher,
        ProjectProposal proposal) {}
