package fr.contact.eds.platform.axon;

/** Axon wraps what a command handler or the event store throws; these look through the wrapping. */
public final class Failures {

    private Failures() {}

    /** Whether {@code failure}, or anything that caused it, is a {@code kind}. */
    public static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
