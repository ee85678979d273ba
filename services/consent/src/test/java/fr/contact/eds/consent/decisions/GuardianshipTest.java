package fr.contact.eds.consent.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.contact.eds.patientidentity.IdentityInput;
import fr.contact.eds.platform.rest.ProblemException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GuardianshipTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

    /** A qualified INS: the NIR and its control key. */
    private static String ins(String nir) {
        return nir + String.format("%02d", 97 - Long.parseLong(nir) % 97);
    }

    private static void refused(IdentityInput child, int status, String field) {
        assertThatThrownBy(() -> Guardianship.requireMinor(child, "child", TODAY))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(status);
                    assertThat(e.problem().field()).isEqualTo(field);
                });
    }

    @Test
    void letsAParentActForAChildWhoseTraitsAndInsAgree() {
        assertThatCode(() -> Guardianship.requireMinor(new IdentityInput(null, "Durand", "Léa", "2019-02-02",
                "female", null), "child", TODAY)).doesNotThrowAnyException();
        assertThatCode(() -> Guardianship.requireMinor(new IdentityInput(ins("2190275056001"), null, null,
                "2019-02-02", "female", null), "child", TODAY)).doesNotThrowAnyException();
    }

    @Test
    void refusesAnAdultByTheBirthDateGiven() {
        refused(new IdentityInput(null, "Durand", "Paul", "1990-02-02", "male", null), 403, "child");
    }

    @Test
    void rejectsAnAdultNamedAsChildWhoseInsSaysOtherwise() {
        refused(new IdentityInput(ins("2850375056001"), null, null, "2019-02-02", null, null), 403, "child");
    }

    @Test
    void refusesATypedSexTheInsContradicts() {
        refused(new IdentityInput(ins("2190275056001"), null, null, "2019-02-02", "male", null), 403, "child");
    }

    @Test
    void asksForTheChildsBirthDate() {
        refused(new IdentityInput(ins("2190275056001"), null, null, null, null, null), 400, "child.birthDate");
    }
}
