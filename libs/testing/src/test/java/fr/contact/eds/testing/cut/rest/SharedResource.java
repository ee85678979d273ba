package fr.contact.eds.testing.cut.rest;

/** Fixture: a rest package that belongs to no capability. */
public class SharedResource {
}
