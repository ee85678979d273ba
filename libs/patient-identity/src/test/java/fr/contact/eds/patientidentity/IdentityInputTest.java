package fr.contact.eds.patientidentity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.contact.eds.platform.rest.ProblemException;
import org.junit.jupiter.api.Test;

class IdentityInputTest {

    private static void refused(IdentityInput input, String field) {
        assertThatThrownBy(() -> input.toIdentity("patient")).isInstanceOfSatisfying(ProblemException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.problem().status()).isEqualTo(400);
            org.assertj.core.api.Assertions.assertThat(e.problem().field()).isEqualTo(field);
        });
    }

    @Test
    void refusesANameLongerThanAnyCivilStatusHoldsOrWithAControlCharacter() {
        refused(new IdentityInput(null, "L".repeat(201), "Anne", "1990-01-01", "female", null), "patient.familyName");
        refused(new IdentityInput(null, "Martin", "An\u0000ne", "1990-01-01", "female", null), "patient.givenName");
        refused(new IdentityInput("2".repeat(31), null, null, null, null, null), "patient.ins");
    }

    @Test
    void refusesABirthDateOutsideTheCenturiesCareDataCanBeIn() {
        refused(new IdentityInput(null, "Martin", "Anne", "+999999999-12-31", "female", null), "patient.birthDate");
        refused(new IdentityInput(null, "Martin", "Anne", "1850-01-01", "female", null), "patient.birthDate");
        refused(new IdentityInput(null, "Martin", "Anne", "01/01/1990", "female", null), "patient.birthDate");
    }
}
