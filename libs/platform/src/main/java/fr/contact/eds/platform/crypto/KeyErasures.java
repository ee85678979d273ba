package fr.contact.eds.platform.crypto;

import fr.contact.eds.platform.api.PersonalDataErasedEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/** Every service forgets its cached copies of a patient's keys as soon as they are erased anywhere. */
@Singleton
@ProcessingGroup(KeyErasures.PROCESSOR)
public class KeyErasures {

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
