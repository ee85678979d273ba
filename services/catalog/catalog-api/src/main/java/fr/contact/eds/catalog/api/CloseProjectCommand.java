package fr.contact.eds.catalog.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner closes the project with a summary of its results; the permit ends. */
public record CloseProjectCommand(@TargetAggregateIdentifier String projectId, String researcher,
        String resultsSummary) {}
