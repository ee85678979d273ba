package fr.contact.eds.platform;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.contact.eds.testing.EndpointRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void everyEndpointDeclaresItsRoles() {
        EndpointRules.EVERY_ENDPOINT_DECLARES_ITS_ROLES.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.contact.eds.platform"));
    }
}
