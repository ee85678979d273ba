package fr.contact.eds.ingestion.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssociationTerritoriesTest {

    @Test
    void givesEachAssociationItsDepartementsAndNoneToAnUnknownOne() {
        AssociationTerritories territories = AssociationTerritories.of(Map.of("sos-paris", List.of("75", " 92 "),
                "sos-corse", List.of("2A", "2B"), "sos-reunion", List.of("974")));

        assertThat(territories.of("sos-paris")).containsExactly("75", "92");
        assertThat(territories.of("sos-corse")).containsExactly("2A", "2B");
        assertThat(territories.of("sos-lyon")).isEmpty();
    }

    @Test
    void refusesACodeThatIsNoDepartementNamingTheAssociation() {
        for (String wrong : List.of("20", "99", "977", "75001", "Paris")) {
            assertThatThrownBy(() -> AssociationTerritories.of(Map.of("sos-paris", List.of("75", wrong))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("contact.ingestion.territories.sos-paris").hasMessageContaining(wrong);
        }
    }
}
