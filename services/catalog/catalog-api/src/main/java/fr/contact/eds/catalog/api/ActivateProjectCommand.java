package fr.contact.eds.catalog.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner starts an approved project: its permit comes into force. */
public record ActivateProjectCommand(@TargetAggregateIdentifier String projectId, String researcher) {}
