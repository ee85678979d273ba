package fr.contact.eds.platform.crypto;

import fr.contact.eds.platform.api.PersonalDataErasedEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.EventHandler;

/**
 * Every instance of every service forgets its cached copies of a patient's keys as soon as they are erased anywhere
 * (in a processor of its own: {@link CryptoModule}).
 */
@Singleton
public class KeyErasures {

    /** The prefix of each instance's own processor name, {@code key-erasures@<instance>}. */
    public static final String PROCESSOR = "key-erasures";

    private final SubjectKeys keys;

    @Inject
    public KeyErasures(SubjectKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(PersonalDataErasedEvent event) {
        keys.forget(event.subjectKeyIds());
    }
}
