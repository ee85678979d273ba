package fr.contact.eds.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import fr.contact.eds.audit.proofs.AuditAlerts;
import fr.contact.eds.audit.proofs.AuditIntegrity;
import fr.contact.eds.audit.proofs.TreeHeads;
import fr.contact.eds.auditproof.CompactRange;
import fr.contact.eds.auditproof.Ed25519Keys;
import fr.contact.eds.auditproof.Proofs;
import fr.contact.eds.platform.api.AccessAction;
import fr.contact.eds.platform.api.AccessOutcome;
import fr.contact.eds.platform.api.AccessRecordedEvent;
import fr.contact.eds.testing.MemoryMongo;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    static AccessRecordedEvent access(int n, Instant at) {
        return new AccessRecordedEvent("access-" + n, at, "episodes", "r-" + n, "researcher", "project-7",
                "research", AccessAction.READ, "Episode", List.of("p-" + n, "p-" + (n + 1)), AccessOutcome.SUCCESS,
                "trace-" + n);
    }

    private static MongoDatabase freshDatabase() {
        return MemoryMongo.freshDatabase("audit");
    }

    @Test
    void appendsInOrderAndProvesEveryEntryAgainstTheRoot() {
        AuditLog log = new AuditLog(freshDatabase());
        Instant at = Instant.parse("2026-11-23T10:00:00.123456Z");
        log.append(IntStream.range(0, 7).mapToObj(i -> access(i, at)).toList());
        log.append(IntStream.range(7, 13).mapToObj(i -> access(i, at)).toList());

        assertThat(log.size()).isEqualTo(13);
        CompactRange expected = new CompactRange();
        for (int i = 0; i < 13; i++) {
            AuditEntry entry = log.entry(i).orElseThrow();
            assertThat(entry.accessId()).isEqualTo("access-" + i);
            expected.append(entry.leafHash());
        }
        assertThat(log.root(13)).isEqualTo(expected.root());
        for (int i = 0; i < 13; i++) {
            assertThat(Proofs.verifyInclusion(log.entry(i).orElseThrow().leafHash(), i, 13, log.inclusion(i, 13),
                    log.root(13))).isTrue();
        }
        assertThat(Proofs.verifyConsistency(5, 13, log.root(5), log.root(13), log.consistency(5, 13))).isTrue();
    }

    @Test
    void appendsNothingTwiceWhenEventsAreDeliveredAgain() {
        AuditLog log = new AuditLog(freshDatabase());
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        log.append(List.of(access(1, at), access(2, at)));
        assertThat(log.append(List.of(access(2, at), access(3, at), access(3, at)))).isEqualTo(1);
        assertThat(log.size()).isEqualTo(3);
    }

    @Test
    void resumesAfterABatchCutShortAndFromAnotherProcess() {
        MongoDatabase db = freshDatabase();
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        new AuditLog(db).append(IntStream.range(0, 5).mapToObj(i -> access(i, at)).toList());
        // A crash after the nodes of entries 5 and 6 were written, before the entries: leftovers beyond the end.
        AuditLog other = new AuditLog(db);
        db.getCollection(AuditLog.TREE).insertOne(new org.bson.Document("_id", AuditLog.nodeId(0, 5))
                .append("h", new org.bson.types.Binary(new byte[32])));
        other.append(IntStream.range(5, 9).mapToObj(i -> access(i, at)).toList());

        AuditLog reference = new AuditLog(freshDatabase());
        reference.append(IntStream.range(0, 9).mapToObj(i -> access(i, at)).toList());
        assertThat(other.root(9)).isEqualTo(reference.root(9));
    }

    @Test
    void purgesContentPastRetentionButKeepsEveryProof() {
        MongoDatabase db = freshDatabase();
        AuditLog log = new AuditLog(db);
        Instant old = Instant.parse("2025-01-10T10:00:00Z");
        Instant recent = Instant.parse("2026-11-01T10:00:00Z");
        List<AccessRecordedEvent> events = new ArrayList<>();
        IntStream.range(0, 6).forEach(i -> events.add(access(i, old)));
        IntStream.range(6, 10).forEach(i -> events.add(access(i, recent)));
        log.append(events);
        byte[] rootBefore = log.root(10);
        AuditRetention retention = new AuditRetention(log, 12,
                Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));

        assertThat(retention.purge()).isEqualTo(6);
        assertThat(log.purgedBefore()).isEqualTo(6);
        assertThat(log.entry(3)).isEmpty();
        assertThat(log.size()).isEqualTo(10);
        assertThat(log.root(10)).isEqualTo(rootBefore);
        assertThat(Proofs.verifyInclusion(log.entry(8).orElseThrow().leafHash(), 8, 10, log.inclusion(8, 10),
                rootBefore)).isTrue();
        assertThat(Proofs.verifyInclusion(log.leafHash(2), 2, 10, log.inclusion(2, 10), rootBefore)).isTrue();

        TreeHeads heads = new TreeHeads(log, db, Optional.of(Ed25519Keys.encode(Ed25519Keys.generate().getPrivate())),
                Clock.systemUTC());
        heads.signNow();
        assertThat(new AuditIntegrity(log, heads, new AuditAlerts(Clock.systemUTC())).check()).isEmpty();
    }

    @Test
    void refusesARetentionOutsideSixToThirtySixMonths() {
        AuditLog log = new AuditLog(freshDatabase());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuditRetention(log, 3, Clock.systemUTC()))
                .hasMessageContaining("between 6 and 36");
    }

    @Test
    void integrityCheckNamesTheEntryChangedInTheStore() {
        MongoDatabase db = freshDatabase();
        AuditLog log = new AuditLog(db);
        log.append(IntStream.range(0, 8).mapToObj(i -> access(i, Instant.parse("2026-11-23T10:00:00Z"))).toList());
        TreeHeads heads = new TreeHeads(log, db, Optional.of(Ed25519Keys.encode(Ed25519Keys.generate().getPrivate())),
                Clock.systemUTC());
        heads.signNow();
        AuditAlerts alerts = new AuditAlerts(Clock.systemUTC());
        AuditIntegrity integrity = new AuditIntegrity(log, heads, alerts);
        assertThat(integrity.check()).isEmpty();

        db.getCollection(AuditLog.ENTRIES).updateOne(Filters.eq("_id", 4L), Updates.set("actorRole", "dpo"));
        db.getCollection(AuditLog.ENTRIES).deleteOne(Filters.eq("_id", 6L));

        assertThat(integrity.check()).anySatisfy(v -> assertThat(v).startsWith("entry 4 (access access-4) was altered"))
                .anySatisfy(v -> assertThat(v).startsWith("entry 6 is missing"));
        assertThat(alerts.integrityViolations()).hasSize(2);
    }
}
