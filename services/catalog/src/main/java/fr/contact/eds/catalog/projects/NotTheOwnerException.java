package fr.contact.eds.catalog.projects;

/** Only the researcher who drafted a project may revise, submit, activate or close it. */
public class NotTheOwnerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotTheOwnerException(String projectId) {
        super("Only the researcher who drafted project " + projectId + " may do this");
    }
}
