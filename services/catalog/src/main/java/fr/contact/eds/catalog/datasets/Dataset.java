package fr.contact.eds.catalog.datasets;

import java.time.LocalDate;
import java.util.List;

/**
 * A dataset as HealthDCAT-AP describes it. The data steward writes the description, with controlled values as IRIs
 * of {@link CatalogueVocabularies} (a value a description saved before they were required is null or left out, and
 * the description is overdue for review); the counts and the temporal coverage are computed from the catalog's read
 * model at the time of asking, never typed in.
 */
public record Dataset(String datasetId, String title, String description, String publisher, String publisherType,
        List<String> keywords, List<String> themes, List<String> healthCategories, List<String> spatial,
        List<String> codingSystems, String legalBasis, String purpose, String accessRights, String retention,
        LocalDate lastReviewed,
        Long numberOfRecords, Long numberOfUniqueIndividuals, LocalDate temporalStart, LocalDate temporalEnd,
        boolean reviewOverdue) {}
