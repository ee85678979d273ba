package fr.contact.eds.catalog.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A CSE member's opinion; once {@code quorum} members including a patient representative have given theirs, the CSE decides. */
public record RecordOpinionCommand(@TargetAggregateIdentifier String projectId, String reviewer,
        boolean patientRepresentative, Opinion opinion, String comment, int quorum) {}
