package fr.contact.eds.platform.api;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link PersonalData} components of an event, by name: what a read model that copies them under the same names
 * drops when the patient's data is erased. Derived from the event itself, so every projection erases the same fields
 * and a field made personal later is erased everywhere at once.
 */
public final class PersonalFields {

    private PersonalFields() {}

    public static List<String> of(Class<? extends Record> event) {
        return Arrays.stream(event.getRecordComponents()).filter(c -> c.isAnnotationPresent(PersonalData.class))
                .map(RecordComponent::getName).toList();
    }
}
