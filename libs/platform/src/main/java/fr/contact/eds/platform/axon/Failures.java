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

    /** The first {@code kind} in the chain of causes of {@code failure}, if any. */
    public static <T extends Throwable> java.util.Optional<T> find(Throwable failure, Class<T> kind) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return java.util.Optional.of(kind.cast(t));
            }
        }
        return java.util.Optional.empty();
    }
}
