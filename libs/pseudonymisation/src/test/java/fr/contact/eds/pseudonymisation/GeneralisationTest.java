package fr.contact.eds.pseudonymisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneralisationTest {

    private static final LocalDate VISIT = LocalDate.of(2026, 1, 15);

    @Test
    void keepsAgeInYearsItsBandAndTheBirthYearOnly() {
        assertThat(Generalised.of(LocalDate.of(1955, 8, 14), VISIT)).isEqualTo(new Generalised(70, "65-74", 1955));
        assertThat(Generalised.of(LocalDate.of(1955, 1, 15), VISIT).ageYears()).isEqualTo(71);
    }

    @Test
    void usesTheSurveillanceAgeBands() {
        assertThat(Generalised.of(LocalDate.of(2025, 2, 1), VISIT).ageBand()).isEqualTo("0-1");
        assertThat(Generalised.of(LocalDate.of(2024, 1, 15), VISIT).ageBand()).isEqualTo("2-14");
        assertThat(Generalised.of(LocalDate.of(2011, 1, 16), VISIT).ageBand()).isEqualTo("2-14");
        assertThat(Generalised.of(LocalDate.of(2011, 1, 15), VISIT).ageBand()).isEqualTo("15-44");
        assertThat(Generalised.of(LocalDate.of(1981, 1, 15), VISIT).ageBand()).isEqualTo("45-64");
        assertThat(Generalised.of(LocalDate.of(1951, 1, 15), VISIT).ageBand()).isEqualTo("75+");
    }

    @Test
    void rejectsABirthAfterTheVisitOrAnImplausibleAge() {
        assertThatThrownBy(() -> Generalised.of(LocalDate.of(2026, 2, 1), VISIT))
                .isInstanceOf(InvalidIdentityException.class);
        assertThatThrownBy(() -> Generalised.of(LocalDate.of(1890, 1, 1), VISIT)).hasMessageContaining("125");
    }

    @Test
    void mapsCommunesToTheirDepartementIncludingCorsicaAndOverseas() {
        assertThat(Territory.departementOf("75056")).isEqualTo("75");
        assertThat(Territory.departementOf("01053")).isEqualTo("01");
        assertThat(Territory.departementOf("2a004")).isEqualTo("2A");
        assertThat(Territory.departementOf("2B033")).isEqualTo("2B");
        assertThat(Territory.departementOf("97411")).isEqualTo("974");
        assertThat(Territory.departementOf("97611")).isEqualTo("976");
    }

    @Test
    void fallsBackOnPostalCodesIncludingCorsica() {
        assertThat(Territory.departementOfPostalCode("75012")).isEqualTo("75");
        assertThat(Territory.departementOfPostalCode("20000")).isEqualTo("2A");
        assertThat(Territory.departementOfPostalCode("20200")).isEqualTo("2B");
        assertThat(Territory.departementOfPostalCode("97400")).isEqualTo("974");
        assertThatThrownBy(() -> Territory.departementOfPostalCode("7501")).hasMessageContaining("5 digits");
        assertThatThrownBy(() -> Territory.departementOfPostalCode("98000"))
                .isInstanceOf(InvalidIdentityException.class);
    }

    @Test
    void rejectsCodesOfNoDepartement() {
        assertThatThrownBy(() -> Territory.departementOf("20004")).isInstanceOf(InvalidIdentityException.class);
        assertThatThrownBy(() -> Territory.departementOf("97711")).hasMessageContaining("no known département");
        assertThatThrownBy(() -> Territory.departementOf("7505")).hasMessageContaining("INSEE");
        assertThatThrownBy(() -> Territory.departementOf("99100")).isInstanceOf(InvalidIdentityException.class);
    }
}
