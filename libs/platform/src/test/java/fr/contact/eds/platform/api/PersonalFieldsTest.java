package fr.contact.eds.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalFieldsTest {

    record Opened(String episodeId, @PersonalData String patientPseudonym, @DataSubject String subjectKeyId,
            @PersonalData Integer birthYear, String ageBand) {}

    @Test
    void namesOnlyThePersonalComponentsInTheirOrder() {
        assertThat(PersonalFields.of(Opened.class)).containsExactly("patientPseudonym", "birthYear");
    }
}
