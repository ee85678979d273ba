package fr.contact.eds.catalog.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A researcher drafts a project; they own it. */
public record DraftProjectCommand(@TargetAggregateIdentifier String projectId, String researcher,
        ProjectProposal proposal) {}
