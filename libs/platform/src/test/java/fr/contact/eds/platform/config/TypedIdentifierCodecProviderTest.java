package fr.contact.eds.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.testing.ContactTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class TypedIdentifierCodecProviderTest {

    @Inject
    MongoDatabase readModel;

    @Test
    void storesATypedPseudonymAsTheTextEveryFilterOnTheTextMatches() {
        MongoCollection<Document> documents = readModel.getCollection("codec-" + UUID.randomUUID());
        PatientPseudonym patient = new PatientPseudonym("v1.codec");

        documents.insertOne(new Document("_id", "d-1").append("patientPseudonym", patient));

        Document stored = documents.find(Filters.eq("patientPseudonym", "v1.codec")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("patientPseudonym")).isEqualTo("v1.codec");
        assertThat(documents.find(Filters.eq("patientPseudonym", patient)).first()).isNotNull();
        assertThat(documents.distinct("patientPseudonym", PatientPseudonym.class)).containsExactly(patient);
    }
}
