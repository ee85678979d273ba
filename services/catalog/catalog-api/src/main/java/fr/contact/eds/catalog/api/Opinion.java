package fr.contact.eds.catalog.api;

public enum Opinion {
    APPROVE, REQUEST_CHANGES, REJECT
}
