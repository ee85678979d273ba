package fr.contact.eds.episodes;

import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.ServiceContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class EpisodesServiceTest extends ServiceContractTest {

    @Override
    protected String servicePackage() {
        return "fr.contact.eds.episodes";
    }

    @Override
    protected String serviceName() {
        return "episodes";
    }
}
