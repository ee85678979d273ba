package fr.contact.eds.pseudonymisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.contact.eds.pseudonymisation.PatientIdentity.Sex;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InsFactsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    /** A NIR with its real control key: 97 minus the 13 digits modulo 97. */
    static String ins(String thirteen) {
        int key = 97 - new BigInteger(thirteen.replace("2A", "19").replace("2B", "18")).mod(BigInteger.valueOf(97))
                .intValue();
        return thirteen + String.format("%02d", key);
    }

    @Test
    void readsSexYearAndMonthOfBirth() {
        assertThat(InsFacts.of(ins("1850375112345"))).isEqualTo(new InsFacts(Optional.of(Sex.MALE), 85,
                Optional.of(3)));
        assertThat(InsFacts.of(ins("2190275112345")).sex()).contains(Sex.FEMALE);
        assertThat(InsFacts.of(ins("1853075112345")).month()).as("month 30: unknown").isEmpty();
        assertThat(InsFacts.of(ins("185032A012345")).yearOfCentury()).as("born in Corsica").isEqualTo(85);
    }

    @Test
    void refusesAnInsWhoseControlKeyIsWrong() {
        String valid = ins("1850375112345");
        String wrong = valid.substring(0, 13) + String.format("%02d", (Integer.parseInt(valid.substring(13)) + 1) % 98);
        assertThatThrownBy(() -> InsFacts.of(wrong)).isInstanceOf(InvalidIdentityException.class);
    }

    @Test
    void namesTheTypedFactThatContradictsTheIns() {
        InsFacts adult = InsFacts.of(ins("1850375112345"));

        assertThat(adult.contradiction(LocalDate.of(2019, 2, 2), null)).contains("birthDate");
        assertThat(adult.contradiction(LocalDate.of(1985, 4, 2), null)).as("another month").contains("birthDate");
        assertThat(adult.contradiction(LocalDate.of(1985, 3, 9), Sex.FEMALE)).contains("sex");
        assertThat(adult.contradiction(LocalDate.of(1985, 3, 9), Sex.MALE)).isEmpty();
        assertThat(adult.contradiction(LocalDate.of(1985, 3, 9), Sex.OTHER)).isEmpty();
    }

    @Test
    void tellsWhetherItsHolderCanStillBeAMinor() {
        assertThat(InsFacts.of(ins("2190275112345")).canBeMinorOn(TODAY)).as("born 2019-02").isTrue();
        assertThat(InsFacts.of(ins("1850375112345")).canBeMinorOn(TODAY)).as("born 1985 (2085 is to come)")
                .isFalse();
        assertThat(InsFacts.of(ins("1081275112345")).canBeMinorOn(TODAY)).as("born 2008-12: 17 until today")
                .isTrue();
        assertThat(InsFacts.of(ins("1081175112345")).canBeMinorOn(TODAY)).as("born 2008-11: 18 this month")
                .isFalse();
        assertThat(InsFacts.of(ins("1273075112345")).canBeMinorOn(TODAY)).as("born 2027: not yet").isFalse();
    }
}
