package fr.contact.eds.audit.config;

import com.mongodb.client.MongoClient;
import fr.contact.eds.audit.proofs.AuditAlerts;
import fr.contact.eds.audit.proofs.AuditIntegrity;
import fr.contact.eds.audit.proofs.TreeHeads;
import fr.contact.eds.audit.trail.AuditEntries;
import fr.contact.eds.audit.trail.AuditLog;
import fr.contact.eds.audit.trail.AuditRetention;
import fr.contact.eds.audit.trail.AuditTrailProjection;
import fr.contact.eds.platform.axon.AxonModule;
import io.quarkus.mongodb.MongoClientName;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.async.SequentialPolicy;

public class AuditBeans {

    /** The trail lives on its own client: {@code quarkus.mongodb.audit}, which may point at another MongoDB. */
    @Produces
    @Singleton
    AuditLog auditLog(@MongoClientName("audit") MongoClient mongo, AuditConfig config) {
        return new AuditLog(mongo.getDatabase(config.audit().database()));
    }

    @Produces
    @Singleton
    TreeHeads treeHeads(AuditLog log, @MongoClientName("audit") MongoClient mongo, AuditConfig config) {
        return new TreeHeads(log, mongo.getDatabase(config.audit().database()), config.audit().signingKey(),
                Clock.systemUTC());
    }

    @Produces
    @Singleton
    AuditEntries auditEntries(AuditLog log) {
        return new AuditEntries(log);
    }

    @Produces
    @Singleton
    AuditAlerts auditAlerts() {
        return new AuditAlerts(Clock.systemUTC());
    }

    @Produces
    @Singleton
    AuditIntegrity auditIntegrity(AuditLog log, TreeHeads heads, AuditAlerts alerts) {
        return new AuditIntegrity(log, heads, alerts);
    }

    @Produces
    @Singleton
    AuditRetention auditRetention(AuditLog log, AuditConfig config) {
        return new AuditRetention(log, config.audit().retentionMonths(), Clock.systemUTC());
    }

    /** One sequence: entries take their place in the tree in event-store order. */
    @Produces
    @Singleton
    AxonModule auditModule(AuditLog log) {
        return (Configurer configurer) -> configurer.eventProcessing()
                .registerEventHandler(c -> new AuditTrailProjection(log))
                .registerSequencingPolicy(AuditTrailProjection.PROCESSOR, c -> new SequentialPolicy());
    }
}
