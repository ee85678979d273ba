package fr.contact.eds.catalog.projects;

import fr.contact.eds.catalog.api.ProjectState;

/** A lifecycle step the project's current state does not allow; the caller learns the state it is in. */
public class IllegalTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final ProjectState current;

    public IllegalTransitionException(ProjectState current, String attempted) {
        super("Cannot " + attempted + " a project that is " + current.name().toLowerCase().replace('_', ' '));
        this.current = current;
    }

    public ProjectState current() {
        return current;
    }
}
