package fr.contact.eds.audit.trail;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fr.contact.eds.auditproof.CompactRange;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The trail as an append-only Merkle tree in its own database: entries by leaf index, and the hash of every perfect
 * subtree (leaves at level 0), so that any root and any proof takes O(log n) stored hashes. Nodes are written before
 * the entries they cover, so an entry on disk always has its hashes; a batch cut short leaves nodes beyond the end,
 * which the next append clears.
 */
public class AuditLog {

    static final String ENTRIES = "auditEntries";
    static final String TREE = "auditTree";
    static final String STATE = "auditState";
    private static final int MAX_LEVEL = 50;
    private static final byte[] PLANNED = new byte[32];

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> tree;
    private final MongoCollection<Document> state;
    private CompactRange edge;

    public AuditLog(MongoDatabase database) {
        this.entries = database.getCollection(ENTRIES);
        this.tree = database.getCollection(TREE);
        this.state = database.getCollection(STATE);
        entries.createIndex(Indexes.ascending("accessId"), new IndexOptions().unique(true));
        entries.createIndex(Indexes.ascending("patientPseudonyms", "_id"));
        entries.createIndex(Indexes.ascending("occurredAt"));
    }

    /** Node ids keep each level's subtrees contiguous and in leaf order. */
    static long nodeId(int level, long index) {
        return ((long) level << MAX_LEVEL) + index;
    }

    /**
     * Appends the accesses not already in the trail (redelivery after a crash is expected), in the given order.
     * Returns how many were new.
     */
    public synchronized int append(List<AccessRecordedEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        if (edge == null || edge.size() != size()) {
            edge = resume();
        }
        Set<String> seen = known(events);
        CompactRange next = new CompactRange(edge.size(), edge.edge());
        List<Document> nodes = new ArrayList<>();
        List<Document> added = new ArrayList<>();
        for (AccessRecordedEvent event : events) {
            // Redelivery is recognised by accessId; a record without one cannot be, and is kept rather than lost.
            if (event.accessId() != null && !seen.add(event.accessId())) {
                continue;
            }
            AuditEntry entry = AuditEntry.of(next.size(), event);
            byte[] leaf = entry.leafHash();
            nodes.add(node(0, entry.leafIndex(), leaf));
            next.append(leaf).forEach(n -> nodes.add(node(n.level(), n.index(), n.hash())));
            added.add(entry.toDocument());
        }
        if (added.isEmpty()) {
            return 0;
        }
        try {
            tree.insertMany(nodes, new InsertManyOptions().ordered(false));
            entries.insertMany(added);
            recordSize(next.size());
            edge = next;
        } catch (RuntimeException e) {
            edge = null;
            throw e;
        }
        return added.size();
    }

    /**
     * Entries committed to the trail, whether or not the purge has removed their content since: the size recorded
     * after each batch.
     */
    public long size() {
        Document recorded = state.find(Filters.eq("_id", "log")).first();
        return recorded == null ? 0 : ((Number) recorded.get("size")).longValue();
    }

    /** The size as the entries on disk give it: one past the last entry. */
    private long lastEntryEnd() {
        Document last = entries.find().sort(Sorts.descending("_id")).projection(Projections.include("_id")).first();
        return last == null ? 0 : ((Number) last.get("_id")).longValue() + 1;
    }

    /** The first entry whose content is still kept: those before it were purged, their hashes kept. */
    public long purgedBefore() {
        Document recorded = state.find(Filters.eq("_id", "log")).first();
        return recorded == null || recorded.get("purgedBefore") == null ? 0
                : ((Number) recorded.get("purgedBefore")).longValue();
    }

    private void recordSize(long size) {
        state.updateOne(Filters.eq("_id", "log"), Updates.max("size", size), new UpdateOptions().upsert(true));
    }

    void purgedUpTo(long leafIndex) {
        state.updateOne(Filters.eq("_id", "log"), Updates.max("purgedBefore", leafIndex),
                new UpdateOptions().upsert(true));
    }

    public byte[] root(long treeSize) {
        requireWithin(treeSize);
        return withSubtrees(paths -> paths.root(treeSize));
    }

    public List<byte[]> inclusion(long leafIndex, long treeSize) {
        requireWithin(treeSize);
        return withSubtrees(paths -> paths.inclusion(leafIndex, treeSize));
    }

    public List<byte[]> consistency(long firstSize, long secondSize) {
        requireWithin(secondSize);
        return withSubtrees(paths -> paths.consistency(firstSize, secondSize));
    }

    /** The leaf hash recorded when the entry was appended (not recomputed from the entry as stored now). */
    public byte[] leafHash(long leafIndex) {
        return hashes(Set.of(nodeId(0, leafIndex))).get(nodeId(0, leafIndex));
    }

    public Optional<AuditEntry> entry(long leafIndex) {
        return Optional.ofNullable(entries.find(Filters.eq("_id", leafIndex)).first()).map(AuditEntry::from);
    }

    public Optional<AuditEntry> entryByAccessId(String accessId) {
        return Optional.ofNullable(entries.find(Filters.eq("accessId", accessId)).first()).map(AuditEntry::from);
    }

    MongoCollection<Document> entries() {
        return entries;
    }

    /** Leaf hashes of {@code [from, to)} in order, as recorded at append time. */
    Iterable<Document> leafHashes(long from, long to) {
        return tree.find(Filters.and(Filters.gte("_id", nodeId(0, from)), Filters.lt("_id", nodeId(0, to))))
                .sort(Sorts.ascending("_id"));
    }

    /** What the log holds at one leaf: the hash recorded at append time and the entry as stored now, if any. */
    @FunctionalInterface
    public interface LeafVisitor {

        void visit(long leafIndex, byte[] leafHash, AuditEntry entry) throws IOException;
    }

    /**
     * Visits the leaves of the tree of {@code treeSize} in order, with the entry stored at each (null once purged,
     * or if someone deleted it). One pass over the leaf hashes and the entries side by side.
     */
    public void forEachLeaf(long treeSize, LeafVisitor visitor) throws IOException {
        Iterator<Document> stored = entries.find(Filters.and(Filters.gte("_id", purgedBefore()),
                Filters.lt("_id", treeSize))).sort(Sorts.ascending("_id")).iterator();
        Document entry = stored.hasNext() ? stored.next() : null;
        for (Document leaf : leafHashes(0, treeSize)) {
            long index = leafIndexOf(leaf);
            while (entry != null && leafIndexOf(entry) < index) {
                entry = stored.hasNext() ? stored.next() : null;
            }
            AuditEntry content = null;
            if (entry != null && leafIndexOf(entry) == index) {
                content = AuditEntry.from(entry);
                entry = stored.hasNext() ? stored.next() : null;
            }
            visitor.visit(index, hashOf(leaf), content);
        }
    }

    static byte[] hashOf(Document node) {
        return ((Binary) node.get("h")).getData();
    }

    static long leafIndexOf(Document node) {
        return ((Number) node.get("_id")).longValue();
    }

    private void requireWithin(long treeSize) {
        long size = size();
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("The trail has " + size + " entries, not " + treeSize);
        }
    }

    /** Runs a computation twice: once to learn which subtree hashes it needs, then on those fetched in one query. */
    private <T> T withSubtrees(Function<ProofPaths, T> computation) {
        Set<Long> wanted = new LinkedHashSet<>();
        computation.apply(new ProofPaths((level, index) -> {
            wanted.add(nodeId(level, index));
            return PLANNED;
        }));
        Map<Long, byte[]> found = hashes(wanted);
        return computation.apply(new ProofPaths((level, index) -> {
            byte[] hash = found.get(nodeId(level, index));
            if (hash == null) {
                throw new IllegalStateException("The trail lost the hash of subtree " + level + "/" + index);
            }
            return hash;
        }));
    }

    private Map<Long, byte[]> hashes(Set<Long> ids) {
        Map<Long, byte[]> found = new HashMap<>();
        for (Document node : tree.find(Filters.in("_id", ids))) {
            found.put(((Number) node.get("_id")).longValue(), hashOf(node));
        }
        return found;
    }

    /**
     * The edge of the tree as committed, after clearing the nodes of a batch that was cut short. Entries written
     * after the last recorded size (the batch stopped before recording it) are committed: their nodes came first.
     */
    private CompactRange resume() {
        long size = Math.max(size(), lastEntryEnd());
        recordSize(size);
        for (int level = 0; level <= MAX_LEVEL; level++) {
            tree.deleteMany(Filters.and(Filters.gte("_id", nodeId(level, size >> level)),
                    Filters.lt("_id", nodeId(level + 1, 0))));
        }
        List<Long> ids = new ArrayList<>();
        long start = 0;
        for (int level = 63 - Long.numberOfLeadingZeros(Math.max(size, 1)); level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                ids.add(nodeId(level, start >> level));
                start += 1L << level;
            }
        }
        Map<Long, byte[]> found = hashes(new HashSet<>(ids));
        List<byte[]> hashes = ids.stream().map(id -> {
            byte[] hash = found.get(id);
            if (hash == null) {
                throw new IllegalStateException("The trail lost the hash of node " + id + "; cannot append");
            }
            return hash;
        }).toList();
        return new CompactRange(size, hashes);
    }

    private Set<String> known(List<AccessRecordedEvent> events) {
        Set<String> known = new HashSet<>();
        List<String> ids = events.stream().map(AccessRecordedEvent::accessId).filter(java.util.Objects::nonNull)
                .toList();
        for (Document d : entries.find(Filters.in("accessId", ids)).projection(Projections.include("accessId"))) {
            known.add(d.getString("accessId"));
        }
        return known;
    }

    private static Document node(int level, long index, byte[] hash) {
        return new Document("_id", nodeId(level, index)).append("h", new Binary(hash));
    }
}
