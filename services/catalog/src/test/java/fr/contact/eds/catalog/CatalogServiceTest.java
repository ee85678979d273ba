package fr.contact.eds.catalog;

import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.ServiceContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class CatalogServiceTest extends ServiceContractTest {

    @Override
    protected String servicePackage() {
        return "fr.contact.eds.catalog";
    }

    @Override
    protected String serviceName() {
        return "catalog";
    }
}
