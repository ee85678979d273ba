package fr.contact.eds.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CapabilityRulesTest {

    private static final String CUT = "fr.contact.eds.testing.cut";
    private static final String TIDY = "fr.contact.eds.testing.tidy";
    private static final List<Function<String, ArchRule>> RULES = List.of(CapabilityRules::onlyRestEdgesSpeakHttp,
            CapabilityRules::restEdgesAreLeaves, CapabilityRules::restEdgesBelongToACapability,
            CapabilityRules::capabilitiesFormNoCycles, CapabilityRules::noServiceUsesAnothersInternals);

    private static JavaClasses classes(String servicePackage) {
        return new ClassFileImporter().importPackages(servicePackage);
    }

    @Test
    void passesAServiceCutIntoCapabilitiesWithLeafRestEdges() {
        for (var rule : RULES) {
            assertThatCode(() -> rule.apply(TIDY).check(classes(TIDY))).doesNotThrowAnyException();
        }
    }

    @Test
    void findsCoreCodeSpeakingHttp() {
        assertThatThrownBy(() -> CapabilityRules.onlyRestEdgesSpeakHttp(CUT).check(classes(CUT)))
                .hasMessageContaining("Invoice").hasMessageContaining("jakarta.ws.rs.core.Response");
    }

    @Test
    void findsCoreCodeCallingARestEdge() {
        assertThatThrownBy(() -> CapabilityRules.restEdgesAreLeaves(CUT).check(classes(CUT)))
                .hasMessageContaining("OrderResource");
    }

    @Test
    void findsARestPackageOutsideEveryCapability() {
        assertThatThrownBy(() -> CapabilityRules.restEdgesBelongToACapability(CUT).check(classes(CUT)))
                .hasMessageContaining("SharedResource");
    }

    @Test
    void findsCapabilitiesThatDependOnEachOther() {
        assertThatThrownBy(() -> CapabilityRules.capabilitiesFormNoCycles(CUT).check(classes(CUT)))
                .hasMessageContaining("Cycle");
    }

    @Test
    void findsAnotherServicesInternalsButNotItsApi() {
        assertThatThrownBy(() -> CapabilityRules.noServiceUsesAnothersInternals(CUT).check(classes(CUT)))
                .hasMessageContaining("fr.contact.eds.portal.fixture.Page");
    }
}
