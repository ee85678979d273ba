package fr.contact.eds.pseudonymisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.pseudonymisation.PatientIdentity.Sex;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {

    private static final byte[] KEY_1 = "first-secret-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEY_2 = "second-secret-key-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);
    private static final String INS = "255081416802538";

    private final Pseudonymiser v1 = new Pseudonymiser(Map.of(1, KEY_1), 1);
    private final PatientIdentity marie = PatientIdentity.withTraits("Lefèvre-Dupont", "Marie Hélène",
            LocalDate.of(1955, 8, 14), Sex.FEMALE, "14168");

    @Nested
    class Pseudonyms {

        @Test
        void areStableForTheSamePatientAndNameTheirKeyVersion() {
            PatientPseudonym first = v1.pseudonymOf(PatientIdentity.withIns(INS));
            assertThat(v1.pseudonymOf(PatientIdentity.withIns("2 55 08 14 168 025 38"))).isEqualTo(first);
            assertThat(first.keyVersion()).isEqualTo(1);
            assertThat(first.value()).startsWith("v1.").hasSize(3 + 43);
        }

        @Test
        void readTheirKeyVersionBackFromAStoredValueAndRefuseAnEmptyOne() {
            assertThat(new PatientPseudonym("v12.abc").keyVersion()).isEqualTo(12);
            assertThat(new PatientPseudonym("x1.abc").keyVersion()).isZero();
            assertThat(new PatientPseudonym("v.abc").keyVersion()).isZero();
            assertThat(new PatientPseudonym("vx.abc").keyVersion()).isZero();
            assertThat(PatientPseudonym.ofNullable(" ")).isNull();
            assertThat(PatientPseudonym.ofNullable(null)).isNull();
            assertThatThrownBy(() -> new PatientPseudonym("")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ProjectPseudonym(null)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void ignoreAccentsCaseHyphensAndMiddleNames() {
            PatientIdentity written = PatientIdentity.withTraits("LEFEVRE DUPONT", "marie",
                    LocalDate.of(1955, 8, 14), Sex.FEMALE, "14168");
            assertThat(v1.pseudonymOf(written)).isEqualTo(v1.pseudonymOf(marie));
        }

        @Test
        void differForAnotherBirthDateSexOrBirthPlace() {
            var other = PatientIdentity.withTraits("Lefèvre-Dupont", "Marie", LocalDate.of(1955, 8, 15), Sex.FEMALE,
                    "14168");
            var elsewhere = PatientIdentity.withTraits("Lefèvre-Dupont", "Marie", LocalDate.of(1955, 8, 14),
                    Sex.FEMALE, "14118");
            assertThat(v1.pseudonymOf(other)).isNotEqualTo(v1.pseudonymOf(marie));
            assertThat(v1.pseudonymOf(elsewhere)).isNotEqualTo(v1.pseudonymOf(marie));
        }

        @Test
        void cannotBeRecomputedWithoutTheKey() {
            var otherKey = new Pseudonymiser(Map.of(1, KEY_2), 1);
            assertThat(otherKey.pseudonymOf(marie).value()).isNotEqualTo(v1.pseudonymOf(marie).value());
        }

        @Test
        void keyIdentifiersOfOtherKindsApart() {
            assertThat(v1.keyedIdentifier("episode", "sos-75|E123")).startsWith("v1.")
                    .isEqualTo(v1.keyedIdentifier("episode", "sos-75|E123"))
                    .isNotEqualTo(v1.keyedIdentifier("practitioner", "sos-75|E123"))
                    .doesNotContain("E123");
        }

        @Test
        void revealNoneOfTheIdentity() {
            String pseudonym = v1.pseudonymOf(marie).value().toUpperCase();
            assertThat(pseudonym).doesNotContain("LEFEVRE", "MARIE", "1955", "14168");
            assertThat(v1.pseudonymOf(PatientIdentity.withIns(INS)).value()).doesNotContain(INS);
            assertThat(marie.toString()).doesNotContain("Marie", "1955");
        }
    }

    @Nested
    class KeyRotation {

        private final Pseudonymiser rotated = new Pseudonymiser(Map.of(1, KEY_1, 2, KEY_2), 2);

        @Test
        void givesNewPseudonymsUnderTheNewVersion() {
            assertThat(rotated.pseudonymOf(marie).keyVersion()).isEqualTo(2);
            assertThat(rotated.pseudonymOf(marie)).isNotEqualTo(v1.pseudonymOf(marie));
        }

        @Test
        void keepsTheOldPseudonymComputableForLinkage() {
            assertThat(rotated.underEveryKey(marie)).containsExactly(v1.pseudonymOf(marie), rotated.pseudonymOf(marie));
        }

        @Test
        void listEveryPseudonymOfAPersonKnownByInsAndByTraitsUnderEveryKey() {
            PatientIdentity both = new PatientIdentity(Optional.of(INS), "Lefèvre-Dupont", "Marie",
                    LocalDate.of(1955, 8, 14), Sex.FEMALE, Optional.of("14168"));

            assertThat(rotated.everyPseudonymOf(both)).containsExactly(
                    v1.pseudonymOf(PatientIdentity.withIns(INS)), rotated.pseudonymOf(PatientIdentity.withIns(INS)),
                    v1.pseudonymOf(marie), rotated.pseudonymOf(marie));
            assertThat(rotated.everyPseudonymOf(PatientIdentity.withIns(INS))).hasSize(2);
        }

        @Test
        void refusesAnUnknownCurrentVersionOrAShortKey() {
            assertThatThrownBy(() -> new Pseudonymiser(Map.of(1, KEY_1), 2)).hasMessageContaining("version 2");
            assertThatThrownBy(() -> new Pseudonymiser(Map.of(1, new byte[16]), 1)).hasMessageContaining("32 bytes");
        }
    }

    @Nested
    class Identities {

        @Test
        void acceptAQualifiedInsWithAValidKeyIncludingCorsica() {
            assertThat(PatientIdentity.withIns(INS).qualifiedIns()).contains(INS);
            assertThat(PatientIdentity.withIns("184062A00412324").qualifiedIns()).contains("184062A00412324");
        }

        @Test
        void rejectAnInsWithAWrongKeyOrShapeNamingTheField() {
            assertThatThrownBy(() -> PatientIdentity.withIns("255081416802539"))
                    .isInstanceOf(InvalidIdentityException.class)
                    .satisfies(e -> assertThat(((InvalidIdentityException) e).field()).isEqualTo("qualifiedIns"));
            assertThatThrownBy(() -> PatientIdentity.withIns("12345")).hasMessageContaining("13 characters");
        }

        @Test
        void rejectMissingTraitsWithoutIns() {
            assertThatThrownBy(() -> PatientIdentity.withTraits(" ", "Marie", LocalDate.of(1955, 8, 14), Sex.FEMALE,
                    null))
                    .isInstanceOf(InvalidIdentityException.class)
                    .satisfies(e -> assertThat(((InvalidIdentityException) e).field()).isEqualTo("familyName"));
        }

        @Test
        void neverCollideBetweenInsAndTraits() {
            assertThat(PatientIdentity.withIns(INS).canonical()).startsWith("INS|");
            assertThat(marie.canonical()).startsWith("IDT|")
                    .isEqualTo("IDT|LEFEVRE DUPONT|MARIE|1955-08-14|FEMALE|14168");
        }
    }
}
