package fr.contact.eds.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/** The commit document's shape, in one place: events to a commit, and a commit's entries back to event data. */
final class CommitDocuments {

    private CommitDocuments() {}

    static Document toCommit(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<Document> entries = new ArrayList<>(events.size());
        Map<String, long[]> ranges = new LinkedHashMap<>();
        Instant maxTs = Instant.MIN;
        for (EventMessage<?> event : events) {
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
            Document entry = new Document("eid", event.getIdentifier())
                    .append("ts", event.getTimestamp().toString())
                    .append("ptype", payload.getType().getName())
                    .append("prev", payload.getType().getRevision())
                    .append("payload", payload.getData())
                    .append("meta", metaData.getData());
            if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                entry.append("atype", domain.getType())
                        .append("aid", domain.getAggregateIdentifier())
                        .append("seq", domain.getSequenceNumber());
                ranges.merge(domain.getAggregateIdentifier(),
                        new long[]{domain.getSequenceNumber(), domain.getSequenceNumber()},
                        (a, b) -> new long[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
            entries.add(entry);
            if (event.getTimestamp().isAfter(maxTs)) {
                maxTs = event.getTimestamp();
            }
        }
        Document commit = new Document("_id", -1L).append("last", -1L)
                .append("maxTs", Date.from(maxTs))
                .append("events", entries);
        if (!ranges.isEmpty()) {
            List<String> guards = new ArrayList<>();
            List<Document> aggSeq = new ArrayList<>();
            ranges.forEach((aggregate, range) -> {
                guards.add(aggregate + "#" + range[0]);
                aggSeq.add(new Document("a", aggregate).append("f", range[0]).append("l", range[1]));
            });
            commit.append("guards", guards).append("aggSeq", aggSeq);
        }
        return commit;
    }

    /** Places the commit at {@code first}: its ends and every event's position, which a unique index guards. */
    static void place(Document commit, long first) {
        List<Document> entries = entries(commit);
        commit.put("_id", first);
        commit.put("last", first + entries.size() - 1);
        for (int i = 0; i < entries.size(); i++) {
            entries.get(i).put("pos", first + i);
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> guards(Document commit) {
        return (List<String>) commit.get("guards");
    }

    static List<Document> entries(Document commit) {
        return commit.getList("events", Document.class);
    }

    static String guardOf(DomainEventMessage<?> m) {
        return m.getAggregateIdentifier() + "#" + m.getSequenceNumber();
    }

    static TrackedEventData<?> toTracked(Document entry, long position) {
        if (entry.getString("aid") == null) {
            return new StoredEvent(position, entry.getString("eid"), Instant.parse(entry.getString("ts")),
                    entry.getString("ptype"), entry.getString("prev"), entry.getString("payload"),
                    entry.getString("meta"));
        }
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position), toDomain(entry));
    }

    static DomainEventData<String> toDomain(Document entry) {
        return new GenericDomainEventEntry<>(entry.getString("atype"), entry.getString("aid"), entry.getLong("seq"),
                entry.getString("eid"), entry.getString("ts"), entry.getString("ptype"), entry.getString("prev"),
                entry.getString("payload"), entry.getString("meta"));
    }
}
