package fr.contact.eds.fhir.r4;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The process's FHIR R4 context: thread-safe, and costly enough to build that every service shares one. */
@ApplicationScoped
public class FhirR4Context {

    @Produces
    @Singleton
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
