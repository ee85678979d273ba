package fr.contact.eds.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The component naming the key that the event's {@link PersonalData} is encrypted under: a random key id per
 * patient, kept in clear, that says nothing about the person once their key is erased.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface DataSubject {
}
