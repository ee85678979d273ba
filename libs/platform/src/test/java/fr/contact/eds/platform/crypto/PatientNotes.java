package fr.contact.eds.platform.crypto;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import fr.contact.eds.platform.axon.AxonModule;
import fr.contact.eds.platform.config.PlatformConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.config.Configurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;

/** A test read model that copies personal data, as a careless projection would. */
@Singleton
@ProcessingGroup(PatientNotes.PROCESSOR)
public class PatientNotes implements AxonModule {

    static final String PROCESSOR = "patient-notes-test";

    final MongoCollection<Document> notes;

    @Inject
    public PatientNotes(MongoClient mongo, PlatformConfig config) {
        this.notes = mongo.getDatabase(config.readModel().database()).getCollection("patientNotes");
    }

    @EventHandler
    void on(PatientNotedEvent event) {
        notes.replaceOne(Filters.eq("_id", event.noteId()), new Document("_id", event.noteId())
                .append("name", event.name()).append("birthYear", event.birthYear())
                .append("ageBand", event.ageBand()), new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        notes.deleteMany(new Document());
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.eventProcessing().registerEventHandler(c -> this);
    }
}
