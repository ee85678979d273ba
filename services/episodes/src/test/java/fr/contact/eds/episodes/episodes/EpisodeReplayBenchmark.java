package fr.contact.eds.episodes.episodes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.contact.eds.eventstore.CommitLogEventStorageEngine;
import fr.contact.eds.ingestion.api.CallReceivedEvent;
import fr.contact.eds.ingestion.api.Code;
import fr.contact.eds.ingestion.api.DiagnosisRecordedEvent;
import fr.contact.eds.ingestion.api.Disposition;
import fr.contact.eds.ingestion.api.EncounterClass;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.api.GpHandOffRecordedEvent;
import fr.contact.eds.ingestion.api.OutcomeRecordedEvent;
import fr.contact.eds.ingestion.api.PractitionerDispatchedEvent;
import fr.contact.eds.ingestion.api.PrescriptionRecordedEvent;
import fr.contact.eds.ingestion.api.VitalSignRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.crypto.CryptoShreddingSerializer;
import fr.contact.eds.platform.crypto.SubjectKeys;
import fr.contact.eds.simulator.EpisodeGenerator;
import fr.contact.eds.simulator.SyntheticEpisode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Replay rate of the episodes projection on generator data: synthetic episodes become ingestion's events, are
 * appended to the commit-log store on the embedded server (one commit per episode, personal data encrypted), then
 * read back from the first event, decrypted, deserialized and projected in batches of 100, as a rebuild does.
 * Run with {@code ./mvnw -pl services/episodes -am install -DskipTests} once, then
 * {@code ./mvnw -pl services/episodes -Pbench test} ({@code -Dbench.episodes=} to size it, {@code -Dbench.batch=} for the batch size, 100 as in the service); it prints figures and
 * asserts nothing.
 */
@Tag("bench")
class EpisodeReplayBenchmark {

    private static final int EPISODES = Integer.getInteger("bench.episodes", 20_000);
    private static final int BATCH = Integer.getInteger("bench.batch", 100);
    private static final String ICPC2 = "http://hl7.org/fhir/sid/icpc-2";

    @Test
    void replayRate() {
        MongoServer server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                + address.getPort())) {
            MongoDatabase store = client.getDatabase("bench-events")
                    .withWriteConcern(com.mongodb.WriteConcern.MAJORITY.withJournal(true));
            SubjectKeys keys = SubjectKeys.on(store.getCollection("subjectKeys"), new byte[32]);
            ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
            var serializer = new CryptoShreddingSerializer(JacksonSerializer.builder().objectMapper(mapper).build(),
                    keys);
            CommitLogEventStorageEngine engine = CommitLogEventStorageEngine.builder().database(store)
                    .eventSerializer(serializer).snapshotSerializer(serializer).watchCommits(false).build();

            long appendStart = System.nanoTime();
            int events = append(engine, keys);
            double appendSeconds = (System.nanoTime() - appendStart) / 1e9;

            long readStart = System.nanoTime();
            long read = engine.readEvents(null, false).map(m -> m.getPayload()).count();
            double readSeconds = (System.nanoTime() - readStart) / 1e9;

            EpisodeProjection projection = new EpisodeProjection(client.getDatabase("bench-episodes"));
            long replayStart = System.nanoTime();
            List<Object> batch = new ArrayList<>(BATCH);
            engine.readEvents(null, false).forEach(message -> {
                batch.add(message.getPayload());
                if (batch.size() == BATCH) {
                    project(projection, batch);
                }
            });
            project(projection, batch);
            double replaySeconds = (System.nanoTime() - replayStart) / 1e9;

            System.out.printf("episodes replay benchmark: %d episodes, %d events, batches of %d%n", EPISODES, events,
                    BATCH);
            System.out.printf("  append (setup)        %8.0f events/s%n", events / appendSeconds);
            System.out.printf("  read only             %8.0f events/s  (read, decrypt, deserialize)%n",
                    read / readSeconds);
            System.out.printf("  replay into episodes  %8.0f events/s  (read, decrypt, deserialize, project)%n",
                    events / replaySeconds);
            engine.shutDown();
        } finally {
            server.shutdownNow();
        }
    }

    /** One unit of work per batch, as a streaming processor commits them. */
    private static void project(EpisodeProjection projection, List<Object> batch) {
        if (batch.isEmpty()) {
            return;
        }
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.execute(() -> EpisodeEvents.apply(projection, batch));
        batch.clear();
    }

    private static int append(CommitLogEventStorageEngine engine, SubjectKeys keys) {
        EpisodeGenerator generator = new EpisodeGenerator(42);
        int episodes = 0;
        int events = 0;
        for (LocalDate day = LocalDate.of(2025, 1, 1); episodes < EPISODES; day = day.plusDays(1)) {
            for (SyntheticEpisode e : generator.day(day, 400)) {
                if (episodes++ == EPISODES) {
                    break;
                }
                List<Object> facts = eventsOf(e, keys);
                List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
                for (int i = 0; i < facts.size(); i++) {
                    messages.add(new GenericDomainEventMessage<>("BundleIntake", "bundle-" + episodes, i,
                            facts.get(i)));
                }
                engine.appendEvents(messages);
                events += messages.size();
            }
        }
        return events;
    }

    private static List<Object> eventsOf(SyntheticEpisode e, SubjectKeys keys) {
        String id = e.associationId() + "-" + e.episodeNumber();
        String patient = "v1." + (e.patient().ins().isEmpty() ? e.patient().family() + e.patient().birthDate()
                : e.patient().ins());
        int age = e.callAt().atZone(java.time.ZoneOffset.UTC).getYear() - e.patient().birthDate().getYear();
        List<Object> events = new ArrayList<>(List.of(
                new EpisodeOpenedEvent(new EpisodeId(id), e.associationId(), new PatientPseudonym(patient), 1,
                        keys.keyIdFor(patient),
                        e.patient().gender(), age, age < 15 ? "2-14" : "15-44", e.patient().birthDate().getYear(),
                        e.departement(), e.startAt()),
                new CallReceivedEvent(new EpisodeId(id), e.callAt(), List.of(new Code(ICPC2, e.reasonIcpc2())),
                        e.triagePriority(),
                        e.encounterClass())));
        if (e.adviceOnly()) {
            return events;
        }
        events.addAll(List.of(
                new EncounterRecordedEvent(new EpisodeId(id), modality(e.encounterClass()), e.startAt(), e.endAt(),
                        null,
                        "v1." + e.practitioner().rpps(), e.practitioner().role()),
                new DiagnosisRecordedEvent(new EpisodeId(id), "dx", List.of(new Code(ICPC2, e.diagnosisIcpc2()),
                        new Code("http://hl7.org/fhir/sid/icd-10", e.diagnosisIcd10()))),
                new VitalSignRecordedEvent(new EpisodeId(id), "t", new Code("http://loinc.org", "8310-5"),
                        BigDecimal.valueOf(e.temperatureCelsius()), "Cel", e.startAt()),
                new PrescriptionRecordedEvent(new EpisodeId(id), "rx", List.of(new Code("http://www.whocc.no/atc",
                        e.medicationAtc())), e.startAt()),
                new OutcomeRecordedEvent(new EpisodeId(id), disposition(e.disposition()), e.endAt())));
        if (e.dispatchAt() != null) {
            events.add(
                    new PractitionerDispatchedEvent(new EpisodeId(id), e.dispatchAt(), "v1." + e.practitioner().rpps(),
                            e.practitioner().role()));
        }
        if (e.gpHandOff()) {
            events.add(new GpHandOffRecordedEvent(new EpisodeId(id), e.endAt()));
        }
        return events;
    }

    private static EncounterClass modality(String fhirCode) {
        for (EncounterClass c : EncounterClass.values()) {
            if (c.fhirCode().equals(fhirCode)) {
                return c;
            }
        }
        return EncounterClass.CONSULTATION;
    }

    private static Disposition disposition(String code) {
        return switch (code) {
            case "emergency-department" -> Disposition.EMERGENCY_DEPARTMENT;
            case "hospitalisation" -> Disposition.HOSPITALISATION;
            case "death" -> Disposition.DEATH;
            case "home" -> Disposition.HOME;
            default -> Disposition.OTHER;
        };
    }
}
