package fr.contact.eds.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateParamsTest {

    @Test
    void readsDatesAndInstants() {
        assertThat(DateParams.instant("from", "2026-01-15")).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
        assertThat(DateParams.instant("from", "2026-01-15T19:52:00Z")).isEqualTo(Instant.parse("2026-01-15T19:52:00Z"));
        assertThat(DateParams.instant("from", " ")).isNull();
        assertThat(DateParams.date("to", null, LocalDate.EPOCH)).isEqualTo(LocalDate.EPOCH);
    }

    @Test
    void refusesValuesWhereArithmeticWouldOverflowAsABadRequestNamingTheField() {
        for (String value : new String[]{"+999999999-12-31T00:00:00Z", "-999999999-01-01T00:00:00Z",
                "1899-12-31", "2201-01-01T00:00:00Z", "abc", "2026-02-30"}) {
            assertThatThrownBy(() -> DateParams.instant("from", value)).as(value)
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.problem().status()).isEqualTo(400);
                        assertThat(e.problem().field()).isEqualTo("from");
                    });
        }
        assertThatThrownBy(() -> DateParams.date("to", "+999999999-12-31", null))
                .isInstanceOf(ProblemException.class);
    }
}
