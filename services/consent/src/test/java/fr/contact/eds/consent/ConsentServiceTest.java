package fr.contact.eds.consent;

import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.ServiceContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class ConsentServiceTest extends ServiceContractTest {

    @Override
    protected String servicePackage() {
        return "fr.contact.eds.consent";
    }

    @Override
    protected String serviceName() {
        return "consent";
    }
}
