package fr.contact.eds.episodes.episodes;

import com.mongodb.client.MongoDatabase;
import fr.contact.eds.consent.api.OppositionRegisteredEvent;
import fr.contact.eds.consent.api.OppositionWithdrawnEvent;
import fr.contact.eds.consent.api.ProjectOppositionRegisteredEvent;
import fr.contact.eds.consent.api.ProjectOppositionWithdrawnEvent;
import fr.contact.eds.ingestion.api.CallReceivedEvent;
import fr.contact.eds.ingestion.api.Code;
import fr.contact.eds.ingestion.api.DiagnosisRecordedEvent;
import fr.contact.eds.ingestion.api.Disposition;
import fr.contact.eds.ingestion.api.EncounterClass;
import fr.contact.eds.ingestion.api.EncounterRecordedEvent;
import fr.contact.eds.ingestion.api.EpisodeId;
import fr.contact.eds.ingestion.api.EpisodeOpenedEvent;
import fr.contact.eds.ingestion.api.GpHandOffRecordedEvent;
import fr.contact.eds.ingestion.api.LaboratoryResultRecordedEvent;
import fr.contact.eds.ingestion.api.OutcomeRecordedEvent;
import fr.contact.eds.ingestion.api.PractitionerDispatchedEvent;
import fr.contact.eds.ingestion.api.PrescriptionRecordedEvent;
import fr.contact.eds.ingestion.api.VitalSignRecordedEvent;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.platform.api.PersonalDataErasedEvent;
import fr.contact.eds.testing.MemoryMongo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/** Ingestion's events for test episodes, and how to feed them to the projection directly. */
public final class EpisodeEvents {

    private static final String ICPC2 = "http://hl7.org/fhir/sid/icpc-2";

    private EpisodeEvents() {}

    /** The projection, writing its first generation, over {@code database}. */
    public static EpisodeProjection projection(MongoDatabase database) {
        return new EpisodeProjection(database);
    }

    public static EpisodeQueries queries(MongoDatabase database) {
        return new EpisodeQueries(database);
    }

    /** A new database on an in-memory server shared by this test JVM. */
    public static MongoDatabase freshDatabase() {
        return MemoryMongo.freshDatabase("episodes");
    }

    /** Every facet of one home visit, in business order. */
    public static List<Object> homeVisit(String episodeId, String patient, Instant call) {
        return homeVisit(episodeId, patient, call, "75", "65-74", "R78", "J20.9", Disposition.HOME);
    }

    public static List<Object> homeVisit(String episodeId, String patient, Instant call, String departement,
            String ageBand, String icpc2, String icd10, Disposition disposition) {
        return List.of(
                new EpisodeOpenedEvent(new EpisodeId(episodeId), "sos-paris", new PatientPseudonym(patient), 1,
                        "key-" + patient, "F",
                        70, ageBand, 1955,
                        departement, call.plusSeconds(2880)),
                new CallReceivedEvent(new EpisodeId(episodeId), call, List.of(new Code(ICPC2, "R05")), "P2",
                        "home-visit"),
                new PractitionerDispatchedEvent(new EpisodeId(episodeId), call.plusSeconds(600), "v1.practitioner",
                        "locum"),
                new EncounterRecordedEvent(new EpisodeId(episodeId), EncounterClass.HOME_VISIT, call.plusSeconds(2880),
                        call.plusSeconds(4680), call.plusSeconds(2880), "v1.practitioner", "locum"),
                new DiagnosisRecordedEvent(new EpisodeId(episodeId), "dx-1", List.of(new Code(ICPC2, icpc2),
                        new Code("http://hl7.org/fhir/sid/icd-10", icd10))),
                new VitalSignRecordedEvent(new EpisodeId(episodeId), "obs-1", new Code("http://loinc.org", "8310-5"),
                        new BigDecimal("38.4"), "Cel", call.plusSeconds(3000)),
                new PrescriptionRecordedEvent(new EpisodeId(episodeId), "rx-1",
                        List.of(new Code("http://www.whocc.no/atc",
                                "N02BE01")),
                        call.plusSeconds(4000)),
                new OutcomeRecordedEvent(new EpisodeId(episodeId), disposition, call.plusSeconds(4680)),
                new GpHandOffRecordedEvent(new EpisodeId(episodeId), call.plusSeconds(4700)));
    }

    /** Log positions for decisions, increasing over the whole test JVM as they do over the store. */
    private static final AtomicLong POSITIONS = new AtomicLong();

    public static TrackingToken nextPosition() {
        return new GlobalSequenceTrackingToken(POSITIONS.incrementAndGet());
    }

    public static void apply(EpisodeProjection projection, List<Object> events) {
        for (Object event : events) {
            if (event instanceof EpisodeOpenedEvent e) {
                projection.on(e);
            } else if (event instanceof CallReceivedEvent e) {
                projection.on(e);
            } else if (event instanceof PractitionerDispatchedEvent e) {
                projection.on(e);
            } else if (event instanceof EncounterRecordedEvent e) {
                projection.on(e);
            } else if (event instanceof DiagnosisRecordedEvent e) {
                projection.on(e);
            } else if (event instanceof VitalSignRecordedEvent e) {
                projection.on(e);
            } else if (event instanceof LaboratoryResultRecordedEvent e) {
                projection.on(e);
            } else if (event instanceof PrescriptionRecordedEvent e) {
                projection.on(e);
            } else if (event instanceof OutcomeRecordedEvent e) {
                projection.on(e);
            } else if (event instanceof GpHandOffRecordedEvent e) {
                projection.on(e);
            } else if (event instanceof OppositionRegisteredEvent e) {
                projection.on(e, nextPosition());
            } else if (event instanceof OppositionWithdrawnEvent e) {
                projection.on(e, nextPosition());
            } else if (event instanceof ProjectOppositionRegisteredEvent e) {
                projection.on(e, nextPosition());
            } else if (event instanceof ProjectOppositionWithdrawnEvent e) {
                projection.on(e, nextPosition());
            } else if (event instanceof PersonalDataErasedEvent e) {
                projection.on(e, nextPosition());
            } else {
                throw new IllegalArgumentException("not an episodes event: " + event);
            }
        }
    }

}
