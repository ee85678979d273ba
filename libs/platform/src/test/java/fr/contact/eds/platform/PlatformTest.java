package fr.contact.eds.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import fr.contact.eds.platform.access.Access;
import fr.contact.eds.platform.access.AccessRecorder;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.consistency.ProjectionBarrier;
import fr.contact.eds.platform.probe.DeliveryProbeProjection;
import fr.contact.eds.platform.rest.ProblemException;
import fr.contact.eds.platform.security.Actor;
import fr.contact.eds.platform.security.Roles;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.Management;
import fr.contact.eds.testing.TestTokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class PlatformTest {

    @Inject
    AccessRecorder accessRecorder;
    @Inject
    AxonRuntime axon;
    @Inject
    InMemorySpanExporter spans;
    @Inject
    ProjectionBarrier barrier;
    @Inject
    DeliveryProbeProjection probes;
    @Inject
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;
    @Inject
    com.mongodb.client.MongoClient mongo;
    @Inject
    fr.contact.eds.platform.config.PlatformConfig config;
    @Inject
    fr.contact.eds.platform.consistency.DeadLetterGate deadLetterGate;

    static <T> T eventually(Supplier<T> attempt, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                return attempt.get();
            } catch (AssertionError e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw last;
    }

    @Nested
    class Health {

        @Test
        void isReadyWithTheEventStoreMongoAndEveryProcessorReported() {
            Management.given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'event-store' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'event-processors' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'event-processors' }.data.'delivery-probes.lag'", equalTo(0));
        }

        @Test
        void isNotReadyWhileTheEventLogHoldsAnUnresolvedFault() throws Exception {
            // As another service's engine would record it on finding a hole: through the store, not this engine.
            var faults = mongo.getDatabase(config.eventStore().database()).getCollection("eventStoreFaults");
            faults.insertOne(new org.bson.Document("_id", "HOLE:900000-900009").append("kind", "HOLE")
                    .append("first", 900_000L).append("last", 900_009L).append("detail", "made by this test")
                    .append("detectedAt", new java.util.Date()));
            try {
                eventually(() -> {
                    Management.given().get("/q/health/ready").then().statusCode(503)
                            .body("checks.find { it.name == 'event-store' }.status", equalTo("DOWN"))
                            .body("checks.find { it.name == 'event-store' }.data.'HOLE:900000-900009'",
                                    equalTo("HOLE at positions 900000..900009: made by this test"));
                    return null;
                }, Duration.ofSeconds(5));
            } finally {
                new fr.contact.eds.eventstore.CommitLogRepair(mongo.getDatabase(config.eventStore().database()))
                        .resolve("HOLE:900000-900009", "made by a test");
            }
            eventually(() -> {
                Management.given().get("/q/health/ready").then().statusCode(200);
                return null;
            }, Duration.ofSeconds(5));
        }

        @Test
        void isLive() {
            Management.given().get("/q/health/live").then().statusCode(200);
        }
    }

    @Nested
    class Security {

        @Test
        void sendsSecurityHeadersOnEveryAnswerRefusalsIncluded() {
            for (Response answer : List.of(given().get("/no-such-route"), given().post("/admin/probes"),
                    given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN))
                            .get("/admin/processors"))) {
                answer.then().header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store")
                        .header("Content-Security-Policy",
                                org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))
                        .header("Referrer-Policy", "no-referrer");
            }
        }

        @Test
        void refusesACallWithoutToken() {
            given().post("/admin/probes").then().statusCode(401);
        }

        @Test
        void refusesATokenSignedByAnotherKey() {
            String forged = TestTokens.forRole(Roles.PLATFORM_ADMIN);
            forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA";
            given().header("Authorization", "Bearer " + forged).post("/admin/probes").then().statusCode(401);
        }

        @Test
        void refusesTheWrongRole() {
            given().header("Authorization", TestTokens.bearer(Roles.RESEARCHER)).post("/admin/probes").then()
                    .statusCode(403);
        }
    }

    @Nested
    class DeliveryProbes {

        @Test
        void aProbeReachesTheProjectionInTheTraceOfTheRequestThatSentIt() throws Exception {
            Response sent = given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN))
                    .post("/admin/probes");
            sent.then().statusCode(200);
            String probeId = sent.path("probeId");
            String traceId = sent.path("traceId");

            eventually(() -> {
                given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN)).get("/admin/probes/" + probeId)
                        .then().statusCode(200).body("traceId", equalTo(traceId))
                        .body("service", equalTo("platform-test"));
                return null;
            }, Duration.ofSeconds(10));
            String expected = DeliveryProbeProjection.PROCESSOR + " handle DeliveryProbeSentEvent";
            SpanData handled = eventually(() -> {
                List<SpanData> consumers = spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getKind() == SpanKind.CONSUMER && s.getName().equals(expected))
                        .filter(s -> s.getTraceId().equals(traceId))
                        .toList();
                assertThat(consumers).isNotEmpty();
                return consumers.get(0);
            }, Duration.ofSeconds(10));
            assertThat(handled.getParentSpanContext().isRemote()).as("continues the stored context").isTrue();
        }

        @Test
        void answersNotFoundWithAProblemForAnUnknownProbe() {
            given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN)).get("/admin/probes/nope")
                    .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        }
    }

    @Nested
    class Processors {

        @Test
        void listsEachProcessorWithItsLagAndReplaysOnDemand() {
            given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN)).get("/admin/processors")
                    .then().statusCode(200).body("find { it.name == 'delivery-probes' }.running", equalTo(true));
            given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN))
                    .post("/admin/processors/delivery-probes/replay").then().statusCode(200);
            given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN))
                    .post("/admin/processors/unknown/replay").then().statusCode(404);
        }

        @Test
        void replaysNothingWhenTheReplayCannotBeRecordedAsAnAccess() {
            try (var refusal = fr.contact.eds.testing.AccessRecordRefusal
                    .refuseAccessRecords(axon.configuration().eventStore())) {
                given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN))
                        .post("/admin/processors/delivery-probes/replay").then().statusCode(500);
            }
        }
    }

    @Nested
    class ReadYourWrites {

        @Test
        void waitsUntilAProjectionHasPassedThePositionOfAWrite() {
            String probeId = java.util.UUID.randomUUID().toString();
            eventStore.publish(org.axonframework.eventhandling.GenericEventMessage.asEventMessage(
                    new fr.contact.eds.platform.api.DeliveryProbeSentEvent(probeId, "test", java.time.Instant.now())));
            long written = axon.engine().headPosition();

            assertThat(barrier.awaitPosition(DeliveryProbeProjection.PROCESSOR, written, Duration.ofSeconds(10)))
                    .isTrue();
            assertThat(probes.receipt(probeId)).isPresent();
        }

        @Test
        void answersUnavailableWithRetryAfterWhenTheProjectionIsNotThereInTime() {
            long beyond = axon.engine().headPosition() + 1_000;

            assertThat(barrier.awaitPosition(DeliveryProbeProjection.PROCESSOR, beyond, Duration.ofMillis(20)))
                    .isFalse();
            long head = axon.engine().headPosition();
            assertThatThrownBy(() -> barrier.require("after", "no-such-processor", head, Duration.ofMillis(20)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.problem().status()).isEqualTo(503);
                        assertThat(e.retryAfterSeconds()).isEqualTo(1);
                    });
        }

        @Test
        void refusesAPositionTheStoreNeverReachedAsABadRequestNamingTheField() {
            long beyond = axon.engine().headPosition() + 1_000;

            assertThatThrownBy(() -> barrier.require("after", DeliveryProbeProjection.PROCESSOR, beyond,
                    Duration.ofSeconds(5))).isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.problem().status()).isEqualTo(400);
                        assertThat(e.problem().field()).isEqualTo("after");
                    });
        }

        @Test
        void knowsNoPositionForAProcessorThatDoesNotRunHere() {
            assertThat(barrier.awaitPosition("no-such-processor", -1, Duration.ofMillis(20))).isFalse();
        }
    }

    @Nested
    class DeadLetters {

        private void publish(String probeId, String sentBy) {
            eventStore.publish(org.axonframework.eventhandling.GenericEventMessage.asEventMessage(
                    new fr.contact.eds.platform.api.DeliveryProbeSentEvent(probeId, sentBy, java.time.Instant.now())));
        }

        private int deadLetters() {
            return given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN)).get("/admin/processors")
                    .then().statusCode(200).extract().path("find { it.name == 'poison-test' }.deadLetters");
        }

        @Test
        void parksAPoisonEventGoesOnWithTheNextAndRetriesOnDemand() throws Exception {
            PoisonProjection.failing = true;
            String poison = java.util.UUID.randomUUID().toString();
            String healthy = java.util.UUID.randomUUID().toString();
            publish(poison, "poison");
            publish(healthy, "someone");

            eventually(() -> {
                assertThat(PoisonProjection.handled).contains(healthy);
                assertThat(deadLetters()).isEqualTo(1);
                return null;
            }, Duration.ofSeconds(15));
            assertThat(PoisonProjection.handled).doesNotContain(poison);
            // Fail closed: the read model misses an event, so the service must not look ready.
            Management.given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'event-processors' }.data.'poison-test.deadLetters'", equalTo(1));
            // ... and its read paths answer 503 naming the processor, rather than data that may show an opposed patient.
            eventually(() -> {
                assertThatThrownBy(() -> deadLetterGate.requireNone("poison-test"))
                        .isInstanceOfSatisfying(ProblemException.class, e -> {
                            assertThat(e.problem().status()).isEqualTo(503);
                            assertThat(e.problem().detail()).contains("poison-test").contains("1 parked");
                        });
                return null;
            }, Duration.ofSeconds(3));

            PoisonProjection.failing = false;
            given().header("Authorization", TestTokens.bearer(Roles.PLATFORM_ADMIN))
                    .post("/admin/processors/poison-test/dead-letters/retry")
                    .then().statusCode(200).body("retriedSequences", equalTo(1));
            assertThat(PoisonProjection.handled).contains(poison);
            assertThat(deadLetters()).isZero();
            Management.given().get("/q/health/ready").then().statusCode(200);
            eventually(() -> {
                org.assertj.core.api.Assertions.assertThatCode(() -> deadLetterGate.requireNone("poison-test"))
                        .doesNotThrowAnyException();
                return null;
            }, Duration.ofSeconds(3));
        }
    }

    @Nested
    class AccessRecording {

        private final Actor researcher = new Actor("r-1", Set.of(Roles.RESEARCHER), null, "project-7");
        private final Access access = new Access(Roles.RESEARCHER, "research", AccessAction.READ, "Episode");

        @Test
        void appendsTheAccessBeforeHandingTheDataBack() {
            long before = axon.engine().headPosition();

            List<String> data = accessRecorder.reveal(researcher, access, () -> List.of("p-1", "p-2"), d -> d);

            assertThat(data).containsExactly("p-1", "p-2");
            var recorded = axon.engine()
                    .readEvents(new org.axonframework.eventhandling.GlobalSequenceTrackingToken(before), false)
                    .map(e -> e.getPayload()).filter(AccessRecordedEvent.class::isInstance)
                    .map(AccessRecordedEvent.class::cast).toList();
            assertThat(recorded).anySatisfy(e -> {
                assertThat(e.patientPseudonyms()).containsExactly("p-1", "p-2");
                assertThat(e.actorSubject()).isEqualTo("r-1");
                assertThat(e.organisation()).isEqualTo("project-7");
                assertThat(e.service()).isEqualTo("platform-test");
                assertThat(e.outcome()).isEqualTo(AccessOutcome.SUCCESS);
                assertThat(e.origin()).as("no request behind this access").isNull();
            });
        }

        @Test
        void handsNothingBackWhenTheAccessCannotBeRecorded() {
            var failingStore = org.mockito.Mockito.mock(org.axonframework.eventsourcing.eventstore.EventStore.class);
            org.mockito.Mockito.doThrow(new IllegalStateException("store down")).when(failingStore)
                    .publish(org.mockito.ArgumentMatchers.<org.axonframework.eventhandling.EventMessage<?>>any());
            var config = org.mockito.Mockito.mock(fr.contact.eds.platform.config.PlatformConfig.class);
            org.mockito.Mockito.when(config.service()).thenReturn("platform-test");
            var recorder = new AccessRecorder(failingStore, config,
                    org.mockito.Mockito.mock(fr.contact.eds.platform.access.RequestOrigins.class));
            assertThatThrownBy(() -> recorder.reveal(researcher, access, () -> List.of("p-1"), d -> d))
                    .hasMessageContaining("store down");
        }
    }
}
