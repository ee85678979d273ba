package fr.contact.eds.platform.crypto;

import fr.contact.eds.platform.api.DataSubject;
import fr.contact.eds.platform.api.PersonalData;

/** A test event carrying personal data: name and birth year are shredded, the age band survives. */
public record PatientNotedEvent(String noteId, @DataSubject String subjectKeyId, @PersonalData String name,
        @PersonalData Integer birthYear, String ageBand) {}
