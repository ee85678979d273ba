package fr.contact.eds.platform.axon;

import java.util.Optional;

/**
 * Processors that a generic replay must not reset, and why: a read model with its own way to be rebuilt (into a new
 * generation, while the live one serves) would otherwise be replayed in place and fall behind the head meanwhile.
 * Declare one as a CDI bean.
 */
public interface ReplayRefusals {

    /** Why {@code processor} is not replayed this way, naming the way to use instead; empty when it may be. */
    Optional<String> refusal(String processor);
}
