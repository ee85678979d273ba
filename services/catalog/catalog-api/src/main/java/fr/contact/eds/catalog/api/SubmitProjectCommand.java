package fr.contact.eds.catalog.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner submits the project to the CSE. */
public record SubmitProjectCommand(@TargetAggregateIdentifier String projectId, String researcher) {}
