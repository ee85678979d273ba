package fr.contact.eds.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component of an event that would identify or single out a patient beyond what survives erasure. It is stored
 * encrypted under the key of the event's {@link DataSubject}; once that key is erased (crypto-shredding), every
 * replay reads it as {@code null}. Handlers see plain values: encryption happens in the serialization path.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {
}
