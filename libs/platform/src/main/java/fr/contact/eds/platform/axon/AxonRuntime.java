package fr.contact.eds.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import fr.contact.eds.eventstore.CommitLogEventStorageEngine;
import fr.contact.eds.eventstore.CommitLogMessageSource;
import fr.contact.eds.platform.config.PlatformConfig;
import fr.contact.eds.platform.crypto.CryptoShreddingSerializer;
import fr.contact.eds.platform.crypto.SubjectKeys;
import fr.contact.eds.platform.tracing.TraceContextDispatchInterceptor;
import fr.contact.eds.platform.tracing.TracingHandlerInterceptor;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Axon, wired by hand from CDI (no Quarkus extension for Axon 4 is usable): our commit-log event store,
 * a MongoDB token store and dead-letter queue in the service's own database, pooled streaming
 * processors fed straight from the commit log (woken on each commit), JSON serialization on a copy of Quarkus's ObjectMapper, and trace context carried in
 * event metadata.
 */
@Singleton
public class AxonRuntime {

    private final MongoClient mongoClient;
    private final ObjectMapper objectMapper;
    private final PlatformConfig config;
    private final OpenTelemetry openTelemetry;
    private final Instance<AxonModule> modules;
    private final SubjectKeys subjectKeys;

    public AxonRuntime(MongoClient mongoClient, ObjectMapper objectMapper, PlatformConfig config,
            OpenTelemetry openTelemetry, Instance<AxonModule> modules, SubjectKeys subjectKeys) {
        this.mongoClient = mongoClient;
        this.objectMapper = objectMapper;
        this.config = config;
        this.openTelemetry = openTelemetry;
        this.modules = modules;
        this.subjectKeys = subjectKeys;
    }

    /** How long a segment claim outlives its holder's last extension before another instance may take it over. */
    public static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    /** This instance among the service's replicas: the owner it writes on the segment claims it holds. */
    private final String nodeId = ProcessHandle.current().pid() + "@" + hostName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private CommitLogEventStorageEngine engine;
    private Configuration configuration;

    @PostConstruct
    void build() {
        // Every serialization goes through crypto-shredding: events, dead letters and snapshots alike.
        Serializer serializer = new CryptoShreddingSerializer(
                JacksonSerializer.builder().objectMapper(objectMapper.copy()).build(), subjectKeys);
        MongoTemplate ownDatabase = DefaultMongoTemplate.builder()
                .mongoDatabase(mongoClient, config.readModel().database()).build();
        engine = CommitLogEventStorageEngine.builder()
                .database(mongoClient.getDatabase(config.eventStore().database()))
                .eventSerializer(serializer).snapshotSerializer(serializer)
                .batchSize(config.eventStore().batchSize())
                .pollEvery(config.eventStore().pollEvery())
                .upcasterChain(new EventUpcasterChain(modules.stream().flatMap(m -> m.upcasters().stream()).toList()))
                .build();

        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> NoTransactionManager.INSTANCE)
                .configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(engine)
                        .fetchDelay(config.eventStore().fetchDelay().toMillis()).timeUnit(TimeUnit.MILLISECONDS)
                        .build())
                .registerComponent(TokenStore.class, c -> tokenStore(ownDatabase, serializer));
        configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((c, builder) -> builder
                        .messageSource(new CommitLogMessageSource(engine, config.processors().batchSize()))
                        .initialSegmentCount(config.processors().segments())
                        .batchSize(config.processors().batchSize()))
                .registerDeadLetterQueueProvider(group -> c -> deadLetterQueue(group, ownDatabase, serializer))
                .registerDefaultHandlerInterceptor(
                        (c, processor) -> new TracingHandlerInterceptor(openTelemetry, processor));
        configurer.onInitialize(c -> c.onStart(() -> c.eventStore()
                .registerDispatchInterceptor(new TraceContextDispatchInterceptor(openTelemetry))));
        modules.forEach(module -> module.configure(configurer));
        configuration = configurer.buildConfiguration();
    }

    private MongoTokenStore tokenStore(MongoTemplate ownDatabase, Serializer serializer) {
        MongoTokenStore store = MongoTokenStore.builder().mongoTemplate(ownDatabase).serializer(serializer)
                .nodeId(nodeId).claimTimeout(CLAIM_TIMEOUT).build();
        // Two replicas starting on a fresh database both create the segments: one segment, one token.
        store.ensureIndexes();
        return store;
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(String group, MongoTemplate template,
            Serializer serializer) {
        return MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group).mongoTemplate(template)
                .serializer(serializer).transactionManager(NoTransactionManager.INSTANCE).build();
    }

    void start(@Observes StartupEvent event) {
        configuration.start();
    }

    void stop(@Observes ShutdownEvent event) {
        configuration.shutdown();
        engine.shutDown();
    }

    /**
     * The streaming processors running here whose tokens are in the service's shared token store, the ones replicas
     * share segments of (not a per-instance processor with tokens of its own).
     */
    public List<StreamingEventProcessor> runningSharedProcessors() {
        EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
        TokenStore shared = configuration.getComponent(TokenStore.class);
        return processing.eventProcessors().values().stream()
                .filter(p -> p instanceof StreamingEventProcessor s && s.isRunning()
                        && processing.tokenStore(s.getName()) == shared)
                .map(StreamingEventProcessor.class::cast).toList();
    }

    public String nodeId() {
        return nodeId;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }

    public Configuration configuration() {
        return configuration;
    }

    public CommitLogEventStorageEngine engine() {
        return engine;
    }

    @Produces
    @Singleton
    EventStore eventStore() {
        return configuration.eventStore();
    }

    @Produces
    @Singleton
    EventGateway eventGateway() {
        return configuration.eventGateway();
    }

    @Produces
    @Singleton
    CommandGateway commandGateway() {
        return configuration.commandGateway();
    }
}
