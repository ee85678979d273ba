package fr.contact.eds.catalog.extracts;

import static fr.contact.eds.catalog.api.Variables.SEX;
import static fr.contact.eds.catalog.api.Variables.YEAR_OF_BIRTH;
import static fr.contact.eds.catalog.extracts.OmopConcepts.CDM_V54;
import static fr.contact.eds.catalog.extracts.OmopConcepts.EHR;
import static fr.contact.eds.catalog.extracts.OmopConcepts.FEMALE;
import static fr.contact.eds.catalog.extracts.OmopConcepts.MALE;

import com.mongodb.client.MongoDatabase;
import fr.contact.eds.catalog.api.Permit;
import fr.contact.eds.catalog.warehouse.CareEpisodes;
import fr.contact.eds.platform.api.PatientPseudonym;
import fr.contact.eds.pseudonymisation.ProjectPseudonym;
import fr.contact.eds.pseudonymisation.ProjectPseudonyms;
import fr.contact.eds.research.ResearchAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
    public record Result(Map<String, FileSummary> files, List<PatientPseudonym> includedPatients,
            long excludedPersons) {}

    public record FileSummary(String name, long rows, String sha256) {}

    private final CareEpisodes episodes;

    public OmopExtractWriter(MongoDatabase database) {
        this.episodes = new CareEpisodes(database);
    }

    public Result write(String projectId, Permit permit, ProjectPseudonyms pseudonyms, Map<String, String> metadata,
            Files files) throws IOException {
        Set<PatientPseudonym> opposed = episodes.opposed(projectId);
        Map<String, OmopTable> tables = new LinkedHashMap<>();
        for (var table : OmopColumns.TABLES.entrySet()) {
            tables.put(table.getKey(), new OmopTable(table.getKey(), table.getValue(),
                    files.create(table.getKey() + ".csv")));
        }
        List<PatientPseudonym> included = new ArrayList<>();
        Set<PatientPseudonym> excluded = new HashSet<>();
        OmopEpisodeRows.Ids ids = new OmopEpisodeRows.Ids();
        ResearchAccess access = new ResearchAccess(projectId, permit, pseudonyms);
        PatientPseudonym current = null;
        long personId = 0;
        int shift = 0;
        OmopEpisodeRows.Span observed = null;
        for (Document episode : episodes.byPatientOpenedBetween(access.periodStart(), access.periodEnd())) {
            PatientPseudonym patient = CareEpisodes.patientOf(episode);
            if (patient == null) {
                continue; // a blank pseudonym names no one: nobody to attach the episode to
            }
            if (opposed.contains(patient)) {
                excluded.add(patient);
                continue;
            }
            if (!patient.equals(current)) {
                observationPeriod(tables.get("OBSERVATION_PERIOD"), personId, observed);
                observed = null;
                current = patient;
                personId++;
                shift = access.shiftDays(patient);
                included.add(patient);
                person(tables.get("PERSON"), personId, access.projectPseudonym(patient), episode, access);
            }
            observed = new OmopEpisodeRows(tables, ids, personId, shift, access).write(episode).joining(observed);
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

    private static void person(OmopTable table, long personId, ProjectPseudonym projectPseudonym, Document episode,
            ResearchAccess access) throws IOException {
        String sex = access.releases(SEX) ? episode.getString("sex") : null;
        int gender = "M".equals(sex) ? MALE : "F".equals(sex) ? FEMALE : 0;
        Integer year = access.releases(YEAR_OF_BIRTH) ? episode.getInteger("birthYear") : null;
        // Proposals must now release the year of birth; 0 (NOT NULL in the DDL) remains only for permits approved
        // before that rule, whose variables no one may widen after the fact.
        table.row(personId, gender, year == null ? 0 : year, null, null, null, 0, 0, null, null, null,
                projectPseudonym.value(), sex, null, null, null, null, null);
    }

    /**
     * Every person needs one: the span of their episodes in the extract (what the source observed of them), so that
     * analyses counting time at risk or incidence know when a person could have been seen.
     */
    private static void observationPeriod(OmopTable table, long personId, OmopEpisodeRows.Span observed)
            throws IOException {
        if (observed != null) {
            table.row(personId, personId, observed.start(), observed.end(), EHR);
        }
    }

    private static void cdmSource(OmopTable table) throws IOException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        table.row("CONTACT EDS", "CONTACT", "CONTACT EDS",
                "Unscheduled primary care episodes of on-call GP associations, pseudonymised per project", null,
                "https://contact-eds.fr/docs/omop", today, today, "5.4", CDM_V54, "source codes only");
    }
}
