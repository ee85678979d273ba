package fr.contact.eds.catalog.api;

public enum ProjectState {
    DRAFT, SUBMITTED, UNDER_REVIEW, CHANGES_REQUESTED, APPROVED, REJECTED, ACTIVE, CLOSED
}
