package fr.contact.eds.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The portal's shape: pages are thin {@code rest} edges over capability packages; only the edges, the web plumbing
 * and the service clients speak JAX-RS; no page reaches another capability's page; nothing reads a database.
 */
class PortalArchitectureTest {

    private static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.contact.eds.portal");

    @Test
    void onlyEdgesWebPlumbingAndClientsSpeakJaxRs() {
        noClasses().that().resideOutsideOfPackages("..rest..", "..web..", "..catalog..", "..consent..", "..audit..")
                .should()
                .dependOnClassesThat().resideInAPackage("jakarta.ws.rs..").check(PORTAL);
    }

    @Test
    void noCapabilityReachesIntoAnotherCapabilitysPages() {
        List<String> capabilities = List.of("register", "datasets", "statistics", "information", "me");
        for (String capability : capabilities) {
            String[] otherPages = capabilities.stream().filter(c -> !c.equals(capability))
                    .map(c -> "fr.contact.eds.portal." + c + ".rest..").toArray(String[]::new);
            noClasses().that().resideInAPackage("fr.contact.eds.portal." + capability + "..").should()
                    .dependOnClassesThat().resideInAnyPackage(otherPages).check(PORTAL);
        }
    }

    @Test
    void readsNoDatabaseAndNoEventStore() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..",
                "org.axonframework..").check(PORTAL);
    }
}
