package fr.contact.eds.testing.tidy.billing;

public record Invoice(long cents) {}
