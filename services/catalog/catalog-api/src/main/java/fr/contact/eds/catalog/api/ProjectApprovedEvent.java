package fr.contact.eds.catalog.api;

import java.time.Instant;

/** The CSE approved the project, granting this permit (in force once the project is active). */
public record ProjectApprovedEvent(String projectId, Permit permit, Instant at) {}
