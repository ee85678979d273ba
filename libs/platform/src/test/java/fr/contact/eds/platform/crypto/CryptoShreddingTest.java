package fr.contact.eds.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import fr.contact.eds.platform.api.PersonalDataErasedEvent;
import fr.contact.eds.platform.axon.AxonRuntime;
import fr.contact.eds.platform.axon.Processors;
import fr.contact.eds.testing.ContactTestResource;
import fr.contact.eds.testing.StoredText;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ContactTestResource.class)
class CryptoShreddingTest {

    @Inject
    SubjectKeys keys;
    @Inject
    EventStore eventStore;
    @Inject
    AxonRuntime axon;
    @Inject
    Processors processors;
    @Inject
    PatientNotes notes;
    @Inject
    MongoClient mongo;

    private static <T> T eventually(Supplier<T> attempt) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            T value = attempt.get();
            if (value != null || System.nanoTime() > deadline) {
                return value;
            }
            Thread.sleep(50);
        }
    }

    private Document noteOf(String noteId) throws InterruptedException {
        return eventually(() -> notes.notes.find(Filters.eq("_id", noteId)).first());
    }

    @Test
    void storesPersonalDataEncryptedAndHandsItPlainToHandlers() throws InterruptedException {
        String noteId = UUID.randomUUID().toString();
        String name = "Zoé Plain" + noteId.substring(0, 8);
        eventStore.publish(GenericEventMessage.asEventMessage(new PatientNotedEvent(noteId,
                keys.keyIdFor("v1.plain-" + noteId), name, 1931, "75+")));

        Document note = noteOf(noteId);
        assertThat(note.getString("name")).isEqualTo(name);
        assertThat(note.getInteger("birthYear")).isEqualTo(1931);
        assertThat(StoredText.occurrencesInDataOf(mongo, List.of(name))).singleElement().asString()
                .contains("patientNotes");
    }

    @Test
    void erasesForGoodOnceTheKeyIsDestroyedAndTheReadModelRebuilt() throws InterruptedException {
        String noteId = UUID.randomUUID().toString();
        String pseudonym = "v1.erased-" + noteId;
        String name = "Zoé Erased" + noteId.substring(0, 8);
        eventStore.publish(GenericEventMessage.asEventMessage(new PatientNotedEvent(noteId, keys.keyIdFor(pseudonym),
                name, 1931, "75+")));
        noteOf(noteId);

        List<String> erased = keys.erase(List.of(pseudonym));
        eventStore.publish(GenericEventMessage.asEventMessage(new PersonalDataErasedEvent(erased, Instant.now())));
        processors.replay(PatientNotes.PROCESSOR);

        Document rebuilt = eventually(() -> {
            Document note = notes.notes.find(Filters.eq("_id", noteId)).first();
            return note != null && note.get("name") == null ? note : null;
        });
        assertThat(rebuilt.get("name")).isNull();
        assertThat(rebuilt.get("birthYear")).isNull();
        assertThat(rebuilt.getString("ageBand")).isEqualTo("75+");
        assertThat(StoredText.occurrencesInDataOf(mongo, List.of(name))).isEmpty();
        assertThat(axon.engine().readEvents(null, false).map(e -> e.getPayload())
                .filter(PatientNotedEvent.class::isInstance).map(PatientNotedEvent.class::cast)
                .filter(e -> e.noteId().equals(noteId))).singleElement()
                .satisfies(e -> assertThat(e.name()).isNull());
    }

    @Inject
    CryptoModule crypto;
    @Inject
    fr.contact.eds.platform.config.PlatformConfig config;

    /**
     * Another replica erased the patient: the key store no longer holds the key, and this instance, which had it
     * cached, must forget it through its own processor (a shared one's segment may be held elsewhere).
     */
    @Test
    void forgetsAKeyAnotherInstanceErasedThroughAProcessorOfItsOwn() throws InterruptedException {
        String pseudonym = "v1.elsewhere-" + UUID.randomUUID();
        String keyId = keys.keyIdFor(pseudonym);
        assertThat(keys.key(keyId)).as("cached here").isPresent();
        var database = mongo.getDatabase(config.eventStore().database());
        SubjectKeys otherReplica = SubjectKeys.on(database.getCollection("subjectKeys"),
                java.util.Base64.getDecoder().decode(config.crypto().masterKey().orElseThrow()));
        List<String> erased = otherReplica.erase(List.of(pseudonym));
        assertThat(erased).containsExactly(keyId);
        assertThat(keys.key(keyId)).as("still cached here until the erasure is seen").isPresent();

        eventStore.publish(GenericEventMessage.asEventMessage(new PersonalDataErasedEvent(erased, Instant.now())));

        assertThat(eventually(() -> keys.key(keyId).isEmpty() ? Boolean.TRUE : null)).isTrue();
        assertThat(crypto.processor()).startsWith(KeyErasures.PROCESSOR + "@");
        assertThat(processors.statuses()).anyMatch(p -> p.name().equals(crypto.processor()) && p.running());
        assertThat(mongo.getDatabase(config.readModel().database()).getCollection("trackingtokens")
                .countDocuments(Filters.eq("processorName", crypto.processor())))
                .as("its position is this instance's own, not in the shared token store").isZero();
    }

    @Test
    void refusesNewPersonalDataUnderAnErasedKey() {
        String pseudonym = "v1.refused-" + UUID.randomUUID();
        String keyId = keys.keyIdFor(pseudonym);
        keys.erase(List.of(pseudonym));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> eventStore.publish(GenericEventMessage
                .asEventMessage(new PatientNotedEvent("n", keyId, "Someone", 1950, "65-74"))))
                .hasMessageContaining("erased");
    }
}
