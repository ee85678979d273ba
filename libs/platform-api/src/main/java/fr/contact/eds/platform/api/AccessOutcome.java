package fr.contact.eds.platform.api;

public enum AccessOutcome {
    SUCCESS, DENIED
}
