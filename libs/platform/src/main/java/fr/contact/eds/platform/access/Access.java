package fr.contact.eds.platform.access;

import fr.contact.eds.platform.api.AccessAction;
import java.util.Objects;

/** What a caller is about to see or export, and why; the patients concerned come with the data. */
public record Access(String actorRole, String purpose, AccessAction action, String resourceKind) {

    public Access {
        Objects.requireNonNull(actorRole, "actorRole");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceKind, "resourceKind");
    }
}
