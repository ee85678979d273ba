package fr.contact.eds.platform.crypto;

import com.mongodb.client.model.Updates;
import fr.contact.eds.platform.api.PersonalFields;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * What a read model does to its copy of an event once the patient's key is destroyed: the event's personal fields,
 * stored under the event's own names, are dropped and the document says it was erased. Every projection that copies
 * those fields applies this same update, so a field made personal later is erased in all of them at once.
 */
public final class ErasedCopies {

    public static final String ERASED = "erased";

    private ErasedCopies() {}

    public static Bson update(Class<? extends Record> event) {
        List<Bson> parts = new ArrayList<>(PersonalFields.of(event).stream().map(Updates::unset).toList());
        parts.add(Updates.set(ERASED, true));
        return Updates.combine(parts);
    }
}
