package fr.contact.eds.episodes.episodes.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import fr.contact.eds.episodes.episodes.EpisodeSlots;
import fr.contact.eds.platform.api.DeliveryProbeSentEvent;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class FailClosedTest {

    @Inject
    EpisodeSlots slots;
    @Inject
    AxonRuntime axon;

    private static io.restassured.response.Response read(String path) {
        return given().header("Authorization", TestTokens.bearer(Roles.DPO)).get(path);
    }

    @Test
    void answersNoEpisodeNorIndicatorWhileTheProjectionHoldsDeadLetters() throws Exception {
        SequencedDeadLetterQueue<EventMessage<?>> queue = axon.configuration().eventProcessingConfiguration()
                .<EventMessage<?>>deadLetterQueue(slots.serving()).orElseThrow();
        String sequence = "parked-" + UUID.randomUUID();
        queue.enqueue(sequence, new GenericDeadLetter<>(sequence, GenericEventMessage.asEventMessage(
                new DeliveryProbeSentEvent("p", "test", Instant.now())), new IllegalStateException("poison")));
        try {
            awaitStatus("/episodes", 503);
            read("/episodes").then().contentType("application/problem+json").header("Retry-After", "30")
                    .body("detail", containsString("read model misses 1 parked"));
            read("/episodes/some-episode").then().statusCode(503);
            read("/indicators/daily").then().statusCode(503);
        } finally {
            queue.clear();
        }
        awaitStatus("/episodes", 200);
    }

    private static void awaitStatus(String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (read(path).statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        read(path).then().statusCode(equalTo(status));
    }
}
