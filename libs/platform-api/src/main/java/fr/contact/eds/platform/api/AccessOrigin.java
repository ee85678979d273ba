package fr.contact.eds.platform.api;

/**
 * Where an access came from, as the server saw the connection: the client application the token was issued to
 * ({@code azp}), the peer's network address, the address the client called, and the raw request line (method,
 * path, query) so that what was asked can be shown exactly, malformed or not. Absent on accesses recorded before
 * origins were kept.
 */
public record AccessOrigin(String client, String clientAddress, String serverAddress, String request) {}
