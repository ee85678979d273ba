package fr.contact.eds.catalog.extracts;

import static fr.contact.eds.catalog.api.Variables.CONDITIONS;
import static fr.contact.eds.catalog.api.Variables.DRUGS;
import static fr.contact.eds.catalog.api.Variables.LABORATORY;
import static fr.contact.eds.catalog.api.Variables.OUTCOME;
import static fr.contact.eds.catalog.api.Variables.TRIAGE;
import static fr.contact.eds.catalog.api.Variables.VISIT;
import static fr.contact.eds.catalog.api.Variables.VISIT_TIMES;
import static fr.contact.eds.catalog.api.Variables.VITAL_SIGNS;
import static fr.contact.eds.catalog.extracts.OmopConcepts.EHR;
import static fr.contact.eds.catalog.extracts.OmopConcepts.EHR_PRESCRIPTION;
import static fr.contact.eds.catalog.extracts.OmopConcepts.EMERGENCY_ROOM;
import static fr.contact.eds.catalog.extracts.OmopConcepts.HOME_VISIT;
import static fr.contact.eds.catalog.extracts.OmopConcepts.INPATIENT;
import static fr.contact.eds.catalog.extracts.OmopConcepts.LAB;
import static fr.contact.eds.catalog.extracts.OmopConcepts.OUTPATIENT;
import static fr.contact.eds.catalog.extracts.OmopConcepts.TELEHEALTH;
import static fr.contact.eds.catalog.extracts.OmopConcepts.VISIT_OCCURRENCE_ID_FIELD;

import fr.contact.eds.catalog.warehouse.CareEpisodes;
import fr.contact.eds.research.ResearchAccess;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/** The rows one care episode gives in an extract, dates shifted by {@code shift} days. */
record OmopEpisodeRows(Map<String, OmopTable> tables, Ids ids, long personId, int shift, ResearchAccess access) {

    /** The dates an episode, or a person's episodes, cover. */
    record Span(LocalDate start, LocalDate end) {

        Span joining(Span other) {
            return other == null ? this
                    : new Span(start.isBefore(other.start) ? start : other.start,
                            end.isAfter(other.end) ? end : other.end);
        }
    }

    /** Running ids of each table within the extract. */
    static final class Ids {

        long visit;
        long visitDetail;
        long condition;
        long drug;
        long measurement;
        long observation;
        long episode;
        /** Persons given their one DEATH row. */
        final Set<Long> deceased = new HashSet<>();
    }

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
        boolean times = access.releases(VISIT_TIMES);
        Document outcome = access.releases(OUTCOME) ? episode.get("outcome", Document.class) : null;
        String disposition = outcome == null ? null : outcome.getString("disposition");
        int dischargedTo = dischargedTo(disposition);
        long visitId = 0;
        if (access.releases(VISIT)) {
            String modality = CareEpisodes.modality(episode);
            visitId = ++ids.visit;
            tables.get("VISIT_OCCURRENCE").row(visitId, personId, visitConcept(modality), start.toLocalDate(),
                    times ? start : null, end.toLocalDate(), times ? end : null, EHR, null, null, modality, null,
                    null, null, outcome == null ? null : dischargedTo, disposition, null);
            tables.get("VISIT_DETAIL").row(++ids.visitDetail, personId, visitConcept(modality),
                    start.toLocalDate(), times ? start : null, end.toLocalDate(), times ? end : null, EHR, null,
                    null, modality, null, null, null, disposition, outcome == null ? null : dischargedTo, null,
                    null, visitId);
        }
        Long visit = visitId == 0 ? null : visitId;
        if (access.releases(CONDITIONS)) {
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
        if (access.releases(DRUGS)) {
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
        if (access.releases(VITAL_SIGNS)) {
            Document vitals = episode.get("vitals", Document.class);
            if (vitals != null) {
                for (Object v : vitals.values()) {
                    measurement((Document) v, start, visit, EHR);
                }
            }
        }
        if (access.releases(LABORATORY)) {
            Document results = episode.get("laboratory", Document.class);
            if (results != null) {
                for (Object r : results.values()) {
                    measurement((Document) r, start, visit, LAB);
                }
            }
        }
        Document call = episode.get("call", Document.class);
        if (access.releases(TRIAGE) && call != null && call.getString("triagePriority") != null) {
            observation(start, call.getString("triagePriority"), visit, "triage-priority");
        }
        if (outcome != null && visit == null) {
            // Without a visit row there is no discharged_to column to carry it.
            observation(end, disposition, null, "discharge-disposition");
        }
        if ("DEATH".equals(disposition) && ids.deceased.add(personId)) {
            tables.get("DEATH").row(personId, end.toLocalDate(), times ? end : null, EHR, null, null, null);
        }
        long episodeId = ++ids.episode;
        tables.get("EPISODE").row(episodeId, personId, 0, start.toLocalDate(), times ? start : null,
                end.toLocalDate(), times ? end : null, null, null, 0, EHR, "unscheduled-care-episode", null);
        if (visit != null) {
            tables.get("EPISODE_EVENT").row(episodeId, visit, VISIT_OCCURRENCE_ID_FIELD);
        }
        return new Span(start.toLocalDate(), end.toLocalDate());
    }

    /**
     * A vital sign or a laboratory result is a standardised measurement (LOINC's are in OMOP's Measurement domain),
     * told apart by its type concept.
     */
    private void measurement(Document vital, LocalDateTime start, Long visit, int type) throws IOException {
        LocalDateTime at = vital.getDate("at") == null ? start : time(vital.getDate("at"));
        String value = vital.getString("value");
        tables.get("MEASUREMENT").row(++ids.measurement, personId, 0, at.toLocalDate(),
                access.releases(VISIT_TIMES) ? at : null, null, type, null,
                value == null ? null : new BigDecimal(value), null, null, null, null, null, visit, null,
                sourceValue(vital), 0, vital.getString("unit"), null, value, null, null);
    }

    private void observation(LocalDateTime at, String text, Long visit, String source) throws IOException {
        tables.get("OBSERVATION").row(++ids.observation, personId, 0, at.toLocalDate(),
                access.releases(VISIT_TIMES) ? at : null, EHR, null, text, null, null, null, null, visit,
                null, source, 0, null, null, text, null, null);
    }

    private LocalDateTime time(Date date) {
        return date == null ? null : LocalDateTime.ofInstant(access.shown(date.toInstant(), shift), ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private static List<Document> codes(Object codes) {
        return codes instanceof List<?> list ? (List<Document>) list : List.of();
    }

    /** Short names of the code systems intake keeps, by a word of their URI; others are written bare. */
    private static final List<Map.Entry<String, String>> SYSTEM_NAMES = List.of(Map.entry("icpc", "ICPC2:"),
            Map.entry("icd-10", "ICD10:"), Map.entry("cim-10", "CIM10:"), Map.entry("snomed", "SNOMED:"),
            Map.entry("atc", "ATC:"), Map.entry("loinc", "LOINC:"), Map.entry("rxnorm", "RXNORM:"));

    /** A code with its system's short name, within varchar(50). */
    private static String sourceValue(Document code) {
        String system = code.getString("system");
        String prefix = system == null ? ""
                : SYSTEM_NAMES.stream().filter(n -> system.contains(n.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse("");
        String value = prefix + code.getString("code");
        return value.length() > 50 ? value.substring(0, 50) : value;
    }

    /** Home is 0 by the CDM's own convention; a death is a DEATH row, not a place. */
    private static int dischargedTo(String disposition) {
        if (disposition == null) {
            return 0;
        }
        return switch (disposition) {
            case "EMERGENCY_DEPARTMENT" -> EMERGENCY_ROOM;
            case "HOSPITALISATION" -> INPATIENT;
            default -> 0;
        };
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
