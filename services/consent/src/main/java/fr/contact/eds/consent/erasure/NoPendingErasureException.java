package fr.contact.eds.consent.erasure;

/** The erasure request named is not the one waiting for this patient: never made, or already decided. */
public class NoPendingErasureException extends IllegalStateException {

    public NoPendingErasureException(String reference) {
        super("No erasure request " + reference + " is waiting for this patient");
    }
}
