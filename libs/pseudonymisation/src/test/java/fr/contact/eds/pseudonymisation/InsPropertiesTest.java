package fr.contact.eds.pseudonymisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The INS is what stops a patient from acting for another adult: checked over every birth date, sex, place and
 * order number, not only over the few INS examples a test author thinks of.
 */
class InsPropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    /** A person as the NIR encodes them: sex digit, birth date, place (département and commune) and order. */
    record Holder(char sexDigit, LocalDate born, String place, int order) {

        String nir() {
            return "" + sexDigit + String.format("%02d%02d", born.getYear() % 100, born.getMonthValue()) + place
                    + String.format("%03d", order);
        }

        String ins() {
            String body = nir().replace("2A", "19").replace("2B", "18");
            return nir() + String.format("%02d", 97 - new BigInteger(body).mod(BigInteger.valueOf(97)).intValue());
        }

        PatientIdentity.Sex sex() {
            return sexDigit == '1' || sexDigit == '7' ? PatientIdentity.Sex.MALE : PatientIdentity.Sex.FEMALE;
        }
    }

    @Provide
    Arbitrary<Holder> holders() {
        Arbitrary<Character> sex = Arbitraries.of('1', '2', '7', '8');
        Arbitrary<LocalDate> born = Arbitraries.longs().between(0, ChronoUnit.DAYS.between(LocalDate.of(1900, 1, 1),
                TODAY)).map(days -> LocalDate.of(1900, 1, 1).plusDays(days));
        Arbitrary<String> place = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 95).map(d -> String.format("%02d", d)),
                Arbitraries.of("2A", "2B")).flatMap(
                        dept -> Arbitraries.integers().between(1, 999)
                                .map(commune -> dept + String.format("%03d", commune)));
        return Combinators.combine(sex, born, place, Arbitraries.integers().between(1, 999)).as(Holder::new);
    }

    @Property
    void acceptsAnInsWithItsControlKeyAndAgreesWithTheHoldersOwnBirthDateAndSex(@ForAll("holders") Holder holder) {
        InsFacts facts = InsFacts.of(holder.ins());

        assertThat(facts.contradiction(holder.born(), holder.sex())).isEmpty();
    }

    @Property
    void refusesEveryOtherControlKey(@ForAll("holders") Holder holder, @ForAll @IntRange(min = 1, max = 96) int shift) {
        String ins = holder.ins();
        int wrong = (Integer.parseInt(ins.substring(13)) - 1 + shift) % 97 + 1;

        assertThatThrownBy(() -> InsFacts.of(ins.substring(0, 13) + String.format("%02d", wrong)))
                .isInstanceOf(InvalidIdentityException.class);
    }

    @Property
    void contradictsABirthDateInAnotherMonthOrYearOfCentury(@ForAll("holders") Holder holder,
            @ForAll @IntRange(min = 1, max = 1199) int monthsAway) {
        LocalDate claimed = holder.born().plusMonths(monthsAway);

        assertThat(InsFacts.of(holder.ins()).contradiction(claimed, null)).contains("birthDate");
    }

    @Property
    void contradictsTheOtherSex(@ForAll("holders") Holder holder) {
        PatientIdentity.Sex other = holder.sex() == PatientIdentity.Sex.MALE ? PatientIdentity.Sex.FEMALE
                : PatientIdentity.Sex.MALE;

        assertThat(InsFacts.of(holder.ins()).contradiction(holder.born(), other)).contains("sex");
    }

    /** The rule that keeps a patient from naming an adult as their child: a minor is always let through. */
    @Property
    void letsEveryMinorBeNamedAsAChild(@ForAll("holders") Holder holder) {
        if (holder.born().isAfter(TODAY.minusYears(18))) {
            assertThat(InsFacts.of(holder.ins()).canBeMinorOn(TODAY)).isTrue();
        }
    }

    /** ...and an adult only when the two centuries the INS cannot tell apart make them a possible minor. */
    @Property
    void takesAnAdultForAPossibleMinorOnlyWhenTheirYearOfCenturyIsAMinorsToo(@ForAll("holders") Holder holder) {
        if (!holder.born().isAfter(TODAY.minusYears(18)) && InsFacts.of(holder.ins()).canBeMinorOn(TODAY)) {
            LocalDate sameDigitsNextCentury = holder.born().plusYears(100);
            assertThat(sameDigitsNextCentury).isAfter(TODAY.minusYears(19)).isBefore(TODAY.plusMonths(1));
        }
    }
}
