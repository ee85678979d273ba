package fr.contact.eds.catalog.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A CSE member opens the review of a submitted project. */
public record StartReviewCommand(@TargetAggregateIdentifier String projectId, String reviewer) {}
