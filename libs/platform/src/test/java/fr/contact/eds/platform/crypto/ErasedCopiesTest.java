package fr.contact.eds.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import org.bson.BsonDocument;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.junit.jupiter.api.Test;

class ErasedCopiesTest {

    private static final CodecRegistry CODECS = CodecRegistries.fromRegistries(MongoClientSettings
            .getDefaultCodecRegistry());

    @Test
    void dropsEveryPersonalFieldAndMarksTheCopyErased() {
        BsonDocument update = ErasedCopies.update(PatientNotedEvent.class).toBsonDocument(BsonDocument.class,
                CODECS);

        assertThat(update.getDocument("$unset").keySet()).containsExactly("name", "birthYear");
        assertThat(update.getDocument("$set").getBoolean(ErasedCopies.ERASED).getValue()).isTrue();
    }

    @Test
    void keepsWhatIsNotPersonal() {
        BsonDocument update = ErasedCopies.update(PatientNotedEvent.class).toBsonDocument(BsonDocument.class,
                CODECS);

        assertThat(update.getDocument("$unset").keySet()).doesNotContain("noteId", "subjectKeyId", "ageBand");
    }
}
