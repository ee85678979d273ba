package fr.contact.eds.platform.consistency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import fr.contact.eds.platform.api.DeliveryProbeSentEvent;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.axon.Processors;
import fr.contact.eds.platform.config.PlatformConfig;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class ProcessorTokensTest {

    /** Handles only notes: every probe event passes it by, which Axon alone records seconds later. */
    private static final String NOTES = "patient-notes-test";

    @Inject
    ProcessorTokens tokens;
    @Inject
    Processors processors;
    @Inject
    AxonRuntime axon;
    @Inject
    EventStore eventStore;
    @Inject
    MongoClient mongo;
    @Inject
    PlatformConfig config;

    private MongoCollection<Document> tokenDocuments() {
        return mongo.getDatabase(config.readModel().database()).getCollection(ProcessorTokens.COLLECTION);
    }

    @Test
    void publishesWithinMillisecondsThatEverySegmentHeldHerePassedAnEventItDoesNotHandle() throws Exception {
        eventStore.publish(GenericEventMessage.asEventMessage(new DeliveryProbeSentEvent("probe", "test",
                Instant.now())));
        long head = axon.engine().headPosition();
        long deadline = System.nanoTime() + Duration.ofMillis(1000).toNanos();
        while (!allReached(head) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(allReached(head)).as("within a second, though Axon stores such a token every 5 s; "
                + head + " " + tokenDocuments().find(Filters.eq(ProcessorTokens.PROCESSOR, NOTES))
                        .into(new ArrayList<>())
                + " " + processors.status(NOTES)).isTrue();
    }

    private boolean allReached(long position) {
        List<Document> segments = tokenDocuments().find(Filters.and(Filters.eq(ProcessorTokens.PROCESSOR, NOTES),
                Filters.eq(ProcessorTokens.OWNER, axon.nodeId()))).into(new ArrayList<>());
        return !segments.isEmpty() && segments.stream().allMatch(d -> d.get(ProcessorTokens.REACHED) != null
                && d.get(ProcessorTokens.REACHED, Number.class).longValue() >= position);
    }

    @Test
    void forgetsNoTokenAndReplaysNothingWhileAnotherInstanceHoldsASegment() {
        Document segment = new Document(ProcessorTokens.PROCESSOR, NOTES).append(ProcessorTokens.SEGMENT, 1);
        processors.shutDown(NOTES);
        Document before = tokenDocuments().find(segment).first();
        tokenDocuments().updateOne(segment, new Document("$set", new Document(ProcessorTokens.OWNER,
                "other-replica").append(ProcessorTokens.TIMESTAMP, System.currentTimeMillis())));
        try {
            assertThat(tokens.holders(NOTES)).containsExactly("other-replica");
            assertThat(tokens.forget(NOTES)).containsExactly("other-replica");
            assertThat(tokenDocuments().countDocuments(Filters.eq(ProcessorTokens.PROCESSOR, NOTES))).isEqualTo(2);

            processors.start(NOTES);
            given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN))
                    .post("/admin/processors/" + NOTES + "/replay").then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString("other-replica"));
            assertThat(processors.running(NOTES)).as("still running here").isTrue();
        } finally {
            tokenDocuments().updateOne(segment, new Document("$set", new Document(ProcessorTokens.OWNER, null)
                    .append(ProcessorTokens.TIMESTAMP, before.get(ProcessorTokens.TIMESTAMP))));
            processors.start(NOTES);
        }
    }
}
