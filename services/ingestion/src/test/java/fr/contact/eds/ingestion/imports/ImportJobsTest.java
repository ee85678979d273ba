package fr.contact.eds.ingestion.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import fr.contact.eds.platform.config.PlatformConfig;
import fr.contact.eds.testing.ContactTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class ImportJobsTest {

    @Inject
    ImportJobs importJobs;
    @Inject
    MongoClient mongo;
    @Inject
    PlatformConfig config;

    private MongoCollection<Document> jobs() {
        return mongo.getDatabase(config.readModel().database()).getCollection("importJobs");
    }

    private String jobHeldBy(String owner, Instant lastHeard) {
        String jobId = UUID.randomUUID().toString();
        jobs().insertOne(new Document("_id", jobId).append("associationId", "sos-sweep").append("status", "running")
                .append("owner", owner).append("heartbeatAt", Date.from(lastHeard)));
        return jobId;
    }

    @Test
    void failsAJobWhoseInstanceStoppedAndSaysToSendTheFileAgain() {
        String orphan = jobHeldBy("a-stopped-instance", Instant.now().minus(Duration.ofMinutes(5)));

        importJobs.sweep();

        Document job = jobs().find(Filters.eq("_id", orphan)).first();
        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("failure")).contains("Send the same file again");
    }

    @Test
    void leavesAJobWhoseInstanceIsStillHeardFrom() {
        String alive = jobHeldBy("another-live-instance", Instant.now().minusSeconds(10));

        importJobs.sweep();

        assertThat(jobs().find(Filters.eq("_id", alive)).first().getString("status")).isEqualTo("running");
    }
}
