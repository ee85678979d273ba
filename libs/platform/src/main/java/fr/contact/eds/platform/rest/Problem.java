package fr.contact.eds.platform.rest;

/** An RFC 9457 problem body; {@code field} names the offending input when there is one. */
public record Problem(String type, String title, int status, String detail, String field) {}
