package fr.contact.eds.catalog.query;

import static fr.contact.eds.catalog.api.Variables.CONDITIONS;
import static fr.contact.eds.catalog.api.Variables.DRUGS;
import static fr.contact.eds.catalog.api.Variables.OUTCOME;
import static fr.contact.eds.catalog.api.Variables.SEX;
import static fr.contact.eds.catalog.api.Variables.TRIAGE;
import static fr.contact.eds.catalog.api.Variables.VISIT;
import static fr.contact.eds.catalog.api.Variables.VISIT_TIMES;
import static fr.contact.eds.catalog.api.Variables.VITAL_SIGNS;
import static fr.contact.eds.catalog.api.Variables.YEAR_OF_BIRTH;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import fr.contact.eds.catalog.api.Permit;
import fr.contact.eds.pseudonymisation.ProjectPseudonyms;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Writes one extract as OMOP CDM 5.4 CSV files from the catalog's copy of care data: only the permit's period and
 * variables, persons under the project's pseudonyms (and shifted dates if the permit says so), patients who oppose
 * all reuse or this project left out and counted. One pass over the episodes, sorted by patient.
 */
public class OmopExtractWriter {

    /** Where a file's bytes go: GridFS in the service, anywhere in tests. */
    @FunctionalInterface
    public interface Files {

        OutputStream create(String fileName) throws IOException;
    }

    /** What was written: per file rows and SHA-256, the patients included (by their pseudonym here), and excluded. */
    public record Result(Map<String, FileSummary> files, List<String> includedPatients, long excludedPersons) {}

    public record FileSummary(String name, long rows, String sha256) {}

    static final int HOME_VISIT = 581476;
    static final int OUTPATIENT = 9202;
    /** CDM 5.4's Telehealth visit concept (Place of Service). */
    static final int TELEHEALTH = 5083;
    static final int EMERGENCY_ROOM = 9203;
    static final int EHR = 32817;
    static final int EHR_PRESCRIPTION = 32838;
    static final int MALE = 8507;
    static final int FEMALE = 8532;
    static final int CDM_V54 = 756265;

    private final MongoDatabase database;

    public OmopExtractWriter(MongoDatabase database) {
        this.database = database;
    }

    public Result write(String projectId, Permit permit, ProjectPseudonyms pseudonyms, Map<String, String> metadata,
            Files files) throws IOException {
        Set<String> opposed = ResearchProjection.opposed(database, projectId);
        Map<String, OmopTable> tables = new LinkedHashMap<>();
        for (var table : OmopColumns.TABLES.entrySet()) {
            tables.put(table.getKey(), new OmopTable(table.getKey(), table.getValue(),
                    files.create(table.getKey() + ".csv")));
        }
        List<String> included = new ArrayList<>();
        Set<String> excluded = new HashSet<>();
        Ids ids = new Ids();
        Set<String> variables = Set.copyOf(permit.variables());
        Date from = Date.from(permit.dataFrom().atStartOfDay(ZoneOffset.UTC).toInstant());
        Date to = Date.from(permit.dataTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        String current = null;
        long personId = 0;
        int shift = 0;
        Span observed = null;
        for (Document episode : database.getCollection(ResearchProjection.EPISODES)
                .find(Filters.and(Filters.gte("openedAt", from), Filters.lt("openedAt", to),
                        Filters.ne("patientPseudonym", null)))
                .sort(Sorts.ascending("patientPseudonym", "openedAt"))) {
            String patient = episode.getString("patientPseudonym");
            if (opposed.contains(patient)) {
                excluded.add(patient);
                continue;
            }
            if (!patient.equals(current)) {
                observationPeriod(tables.get("OBSERVATION_PERIOD"), personId, observed);
                observed = null;
                current = patient;
                personId++;
                shift = permit.shiftDates() ? pseudonyms.dateShiftDays(patient) : 0;
                included.add(patient);
                person(tables.get("PERSON"), personId, pseudonyms.of(patient), episode, variables);
            }
            observed = new EpisodeRows(tables, ids, personId, shift, variables).write(episode).joining(observed);
        }
        observationPeriod(tables.get("OBSERVATION_PERIOD"), personId, observed);
        cdmSource(tables.get("CDM_SOURCE"));
        Map<String, String> allMetadata = new LinkedHashMap<>(metadata);
        allMetadata.put("excluded_persons_opposition", Long.toString(excluded.size()));
        allMetadata.put("dates_shifted", Boolean.toString(permit.shiftDates()));
        int metadataId = 0;
        for (var entry : allMetadata.entrySet()) {
            BigDecimal number = entry.getValue().matches("\\d+") ? new BigDecimal(entry.getValue()) : null;
            tables.get("METADATA").row(++metadataId, 0, 0, entry.getKey(), number == null ? entry.getValue() : null,
                    null, number, LocalDate.now(ZoneOffset.UTC), null);
        }
        Map<String, FileSummary> summaries = new LinkedHashMap<>();
        for (OmopTable table : tables.values()) {
            table.close();
            summaries.put(table.name() + ".csv", new FileSummary(table.name() + ".csv", table.rows(), table.sha256()));
        }
        return new Result(summaries, included, excluded.size());
    }

    private static void person(OmopTable table, long personId, String projectPseudonym, Document episode,
            Set<String> variables) throws IOException {
        String sex = variables.contains(SEX) ? episode.getString("sex") : null;
        int gender = "M".equals(sex) ? MALE : "F".equals(sex) ? FEMALE : 0;
        Integer year = variables.contains(YEAR_OF_BIRTH) ? episode.getInteger("birthYear") : null;
        // year_of_birth is NOT NULL in the DDL: 0 says "not released under this permit".
        table.row(personId, gender, year == null ? 0 : year, null, null, null, 0, 0, null, null, null,
                projectPseudonym, sex, null, null, null, null, null);
    }

    /**
     * Every person needs one: the span of their episodes in the extract (what the source observed of them), so that
     * analyses counting time at risk or incidence know when a person could have been seen.
     */
    private static void observationPeriod(OmopTable table, long personId, Span observed) throws IOException {
        if (observed != null) {
            table.row(personId, personId, observed.start(), observed.end(), EHR);
        }
    }

    /** The dates an episode, or a person's episodes, cover. */
    private record Span(LocalDate start, LocalDate end) {

        Span joining(Span other) {
            return other == null ? this
                    : new Span(start.isBefore(other.start) ? start : other.start,
                            end.isAfter(other.end) ? end : other.end);
        }
    }

    private static void cdmSource(OmopTable table) throws IOException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        table.row("CONTACT EDS", "CONTACT", "CONTACT EDS",
                "Unscheduled primary care episodes of on-call GP associations, pseudonymised per project", null,
                "https://contact-eds.fr/docs/omop", today, today, "5.4", CDM_V54, "source codes only");
    }

    /** Running ids of each table within the extract. */
    static final class Ids {

        long visit;
        long visitDetail;
        long condition;
        long drug;
        long observation;
        long episode;
    }

    /** The rows one care episode gives, dates shifted by {@code shift} days. */
    private record EpisodeRows(Map<String, OmopTable> tables, Ids ids, long personId, int shift,
            Set<String> variables) {

        Span write(Document episode) throws IOException {
            Document encounter = episode.get("encounter", Document.class);
            LocalDateTime start = time(encounter != null && encounter.getDate("startedAt") != null
                    ? encounter.getDate("startedAt")
                    : episode.getDate("openedAt"));
            LocalDateTime end = time(encounter != null && encounter.getDate("endedAt") != null
                    ? encounter.getDate("endedAt")
                    : null);
            if (end == null || end.isBefore(start)) {
                end = start;
            }
            boolean times = variables.contains(VISIT_TIMES);
            long visitId = 0;
            if (variables.contains(VISIT)) {
                String modality = ResearchProjection.modality(episode);
                visitId = ++ids.visit;
                tables.get("VISIT_OCCURRENCE").row(visitId, personId, visitConcept(modality), start.toLocalDate(),
                        times ? start : null, end.toLocalDate(), times ? end : null, EHR, null, null, modality, null,
                        null, null, null, null, null);
                tables.get("VISIT_DETAIL").row(++ids.visitDetail, personId, visitConcept(modality),
                        start.toLocalDate(), times ? start : null, end.toLocalDate(), times ? end : null, EHR, null,
                        null, modality, null, null, null, null, null, null, null, visitId);
            }
            Long visit = visitId == 0 ? null : visitId;
            if (variables.contains(CONDITIONS)) {
                Document diagnoses = episode.get("diagnoses", Document.class);
                if (diagnoses != null) {
                    for (Object codings : diagnoses.values()) {
                        for (Document code : codes(codings)) {
                            tables.get("CONDITION_OCCURRENCE").row(++ids.condition, personId, 0, start.toLocalDate(),
                                    times ? start : null, null, null, EHR, null, null, null, visit, null,
                                    sourceValue(code), 0, null);
                        }
                    }
                }
            }
            if (variables.contains(DRUGS)) {
                Document prescriptions = episode.get("prescriptions", Document.class);
                if (prescriptions != null) {
                    for (Object p : prescriptions.values()) {
                        Document prescription = (Document) p;
                        LocalDateTime at = prescription.getDate("at") == null ? start
                                : time(prescription.getDate("at"));
                        for (Document code : codes(prescription.get("codes"))) {
                            tables.get("DRUG_EXPOSURE").row(++ids.drug, personId, 0, at.toLocalDate(),
                                    times ? at : null, at.toLocalDate(), null, null, EHR_PRESCRIPTION, null, null,
                                    null, null, null, null, null, null, visit, null, sourceValue(code), 0, null, null);
                        }
                    }
                }
            }
            if (variables.contains(VITAL_SIGNS)) {
                Document vitals = episode.get("vitals", Document.class);
                if (vitals != null) {
                    for (Object v : vitals.values()) {
                        Document vital = (Document) v;
                        LocalDateTime at = vital.getDate("at") == null ? start : time(vital.getDate("at"));
                        observation(at,
                                vital.getString("value") == null ? null : new BigDecimal(vital.getString("value")),
                                null, visit, vital.getString("system").endsWith("loinc.org") ? "LOINC:"
                                        + vital.getString("code") : vital.getString("code"),
                                vital.getString("unit"));
                    }
                }
            }
            Document call = episode.get("call", Document.class);
            if (variables.contains(TRIAGE) && call != null && call.getString("triagePriority") != null) {
                observation(start, null, call.getString("triagePriority"), visit, "triage-priority", null);
            }
            Document outcome = episode.get("outcome", Document.class);
            if (variables.contains(OUTCOME) && outcome != null) {
                observation(end, null, outcome.getString("disposition"), visit, "discharge-disposition", null);
            }
            long episodeId = ++ids.episode;
            tables.get("EPISODE").row(episodeId, personId, 0, start.toLocalDate(), times ? start : null,
                    end.toLocalDate(), times ? end : null, null, null, 0, EHR, "unscheduled-care-episode", null);
            if (visit != null) {
                // The "Field" concept of visit_occurrence_id comes with the vocabularies: 0 until they are loaded.
                tables.get("EPISODE_EVENT").row(episodeId, visit, 0);
            }
            return new Span(start.toLocalDate(), end.toLocalDate());
        }

        private void observation(LocalDateTime at, BigDecimal number, String text, Long visit, String source,
                String unit) throws IOException {
            tables.get("OBSERVATION").row(++ids.observation, personId, 0, at.toLocalDate(),
                    variables.contains(VISIT_TIMES) ? at : null, EHR, number, text, null, null, null, null, visit,
                    null, source, 0, unit, null, text, null, null);
        }

        private LocalDateTime time(Date date) {
            return date == null ? null
                    : LocalDateTime.ofInstant(Instant.ofEpochMilli(date.getTime()), ZoneOffset.UTC)
                            .plusDays(shift);
        }

        @SuppressWarnings("unchecked")
        private static List<Document> codes(Object codes) {
            return codes instanceof List<?> list ? (List<Document>) list : List.of();
        }

        /** ICPC-2, ICD-10, ATC or LOINC code with its system's short name, within varchar(50). */
        private static String sourceValue(Document code) {
            String system = code.getString("system");
            String prefix = system == null ? ""
                    : system.contains("icpc") ? "ICPC2:"
                            : system.contains("icd-10")
                                    ? "ICD10:"
                                    : system.contains("atc") ? "ATC:" : system.contains("loinc") ? "LOINC:" : "";
            String value = prefix + code.getString("code");
            return value.length() > 50 ? value.substring(0, 50) : value;
        }

        private static int visitConcept(String modality) {
            if (modality == null) {
                return 0;
            }
            return switch (modality) {
                case "HOME_VISIT" -> HOME_VISIT;
                case "CONSULTATION" -> OUTPATIENT;
                case "TELECONSULTATION" -> TELEHEALTH;
                case "EMERGENCY" -> EMERGENCY_ROOM;
                default -> 0;
            };
        }
    }
}
