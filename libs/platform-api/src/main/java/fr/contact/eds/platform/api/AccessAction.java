package fr.contact.eds.platform.api;

public enum AccessAction {
    READ, SEARCH, EXPORT, CREATE, UPDATE, ERASE
}
