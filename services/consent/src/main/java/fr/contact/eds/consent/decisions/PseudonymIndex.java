package fr.contact.eds.consent.decisions;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import fr.contact.eds.consent.api.OppositionRegisteredEvent;
import fr.contact.eds.consent.api.OppositionWithdrawnEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

/**
 * Which patient's decisions a pseudonym belongs to. After a key rotation the same person gets a new pseudonym;
 * this finds the stream their earlier decisions are in, so that a withdrawal reaches the opposition it withdraws.
 */
@Singleton
@ProcessingGroup(PseudonymIndex.PROCESSOR)
public class PseudonymIndex {

    public static final String PROCESSOR = "consent-pseudonyms";

    private static final String PATIENT = "patientPseudonym";

    private final MongoCollection<Document> pseudonyms;

    @Inject
    public PseudonymIndex(MongoDatabase database) {
        this.pseudonyms = database.getCollection("pseudonyms");
    }

    @EventHandler
    void on(OppositionRegisteredEvent event) {
        index(event.patientPseudonym(), event.pseudonyms());
    }

    @EventHandler
    void on(OppositionWithdrawnEvent event) {
        index(event.patientPseudonym(), event.pseudonyms());
    }

    private void index(PatientPseudonym patientPseudonym, List<PatientPseudonym> known) {
        // Total over what the events allow: a bulk write of nothing throws, and would park the index.
        List<String> keys = PatientPseudonym.values(known);
        if (keys.isEmpty()) {
            return;
        }
        pseudonyms.bulkWrite(keys.stream().map(p -> new ReplaceOneModel<>(Filters.eq("_id", p),
                new Document("_id", p).append(PATIENT, PatientPseudonym.valueOf(patientPseudonym)),
                new ReplaceOptions().upsert(true))).toList());
    }

    /** The patient whose decisions any of {@code candidates} belongs to, if one was ever recorded. */
    public Optional<PatientPseudonym> patientOf(List<PatientPseudonym> candidates) {
        return Optional.ofNullable(pseudonyms.find(Filters.in("_id", PatientPseudonym.values(candidates))).first())
                .map(d -> PatientPseudonym.ofNullable(d.getString(PATIENT)));
    }
}
