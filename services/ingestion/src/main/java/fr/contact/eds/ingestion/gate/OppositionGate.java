package fr.contact.eds.ingestion.gate;

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
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

/**
 * The pseudonyms whose owner opposes the reuse of their data, from the consent service's decisions: intake stores
 * nothing of theirs. Only whether a pseudonym is opposed is kept, not the decision's details.
 */
@Singleton
@ProcessingGroup(OppositionGate.PROCESSOR)
public class OppositionGate {

    public static final String PROCESSOR = "opposition-gate";

    private final MongoCollection<Document> opposed;

    @Inject
    public OppositionGate(MongoDatabase database) {
        this.opposed = database.getCollection("opposedPseudonyms");
    }

    @EventHandler
    void on(OppositionRegisteredEvent event) {
        // Total over what the event allows: a bulk write of nothing throws, and would park the gate.
        List<String> pseudonyms = PatientPseudonym.values(event.pseudonyms());
        if (pseudonyms.isEmpty()) {
            return;
        }
        opposed.bulkWrite(pseudonyms.stream().map(p -> new ReplaceOneModel<>(Filters.eq("_id", p),
                new Document("_id", p).append("patientPseudonym", PatientPseudonym.valueOf(event.patientPseudonym())),
                new ReplaceOptions().upsert(true))).toList());
    }

    @EventHandler
    void on(OppositionWithdrawnEvent event) {
        opposed.deleteMany(Filters.in("_id", PatientPseudonym.values(event.pseudonyms())));
    }

    /** Those of {@code pseudonyms} that are opposed. */
    public Set<PatientPseudonym> opposedAmong(Collection<PatientPseudonym> pseudonyms) {
        Set<PatientPseudonym> found = new HashSet<>();
        if (!pseudonyms.isEmpty()) {
            opposed.find(Filters.in("_id", pseudonyms.stream().map(PatientPseudonym::value).toList()))
                    .forEach(d -> found.add(PatientPseudonym.ofNullable(d.getString("_id"))));
        }
        return found;
    }
}
