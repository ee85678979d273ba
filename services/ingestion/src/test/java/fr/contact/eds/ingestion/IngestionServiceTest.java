package fr.contact.eds.ingestion;

import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.ServiceContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class IngestionServiceTest extends ServiceContractTest {

    @Override
    protected String servicePackage() {
        return "fr.contact.eds.ingestion";
    }

    @Override
    protected String serviceName() {
        return "ingestion";
    }
}
