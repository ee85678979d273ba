package fr.contact.eds.audit;

import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.ServiceContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class AuditServiceTest extends ServiceContractTest {

    @Override
    protected String servicePackage() {
        return "fr.contact.eds.audit";
    }

    @Override
    protected String serviceName() {
        return "audit";
    }
}
