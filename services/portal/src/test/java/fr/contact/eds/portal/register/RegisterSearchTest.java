package fr.contact.eds.portal.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.contact.eds.portal.catalog.RegisterEntry;
import fr.contact.eds.portal.web.BadParameter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterSearchTest {

    private static RegisterEntry project(String id, String title, String state, String decidedAt,
            List<String> datasets) {
        return new RegisterEntry(id, title, null, "Org", null, "Étudier l'été", null, datasets, null, null, null, null,
                state,
                decidedAt == null ? null : Instant.parse(decidedAt), null, null, null, null, null);
    }

    private final List<RegisterEntry> register = List.of(
            project("a", "Ancien", "CLOSED", "2024-05-01T00:00:00Z", List.of("episodes")),
            project("b", "Bronchiolite", "ACTIVE", "2026-01-01T00:00:00Z", List.of("observations")),
            project("c", "Sans décision", "APPROVED", null, null));

    @Test
    void putsTheLatestDecisionFirstAndUndecidedLast() {
        assertThat(RegisterSearch.of(register, RegisterQuery.of(null, null, null, null)).results())
                .extracting(RegisterEntry::projectId).containsExactly("b", "a", "c");
    }

    @Test
    void matchesEveryWordIgnoringCaseAndAccents() {
        assertThat(RegisterSearch.of(register, RegisterQuery.of("ETE org", null, null, null)).results()).hasSize(3);
        assertThat(RegisterSearch.of(register, RegisterQuery.of("bronchiolite hiver", null, null, null)).results())
                .isEmpty();
    }

    @Test
    void offersOnlyFilterValuesThatMatchSomething() {
        RegisterSearch search = RegisterSearch.of(register, RegisterQuery.of(null, null, null, null));
        assertThat(search.years()).containsExactly(2026, 2024);
        assertThat(search.states()).containsExactly("ACTIVE", "APPROVED", "CLOSED");
        assertThat(search.themes()).containsExactly("episodes", "observations");
    }

    @Test
    void refusesAYearThatIsNotFourDigits() {
        assertThatThrownBy(() -> RegisterQuery.of(null, null, "26", null)).isInstanceOf(BadParameter.class);
        assertThat(RegisterQuery.of(" ", " ", " ", " ")).isEqualTo(new RegisterQuery(null, null, null, null));
    }
}
