package fr.contact.eds.audit.trail;

import java.util.List;

/** Entries newest first; {@code next} is the cursor of the following page, null on the last. */
public record EntryPage(List<AuditEntry> entries, String next) {}
