package fr.contact.eds.portal.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/** A HealthDCAT-AP dataset description, as much of it as a person reads. Controlled values are IRIs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetDescription(String datasetId, String title, String description, String publisher,
        List<String> keywords, List<String> themes, List<String> codingSystems, String legalBasis, String purpose,
        String accessRights, String retention, LocalDate lastReviewed, Long numberOfRecords,
        Long numberOfUniqueIndividuals, LocalDate temporalStart, LocalDate temporalEnd, boolean reviewOverdue) {

    public DatasetDescription {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        themes = themes == null ? List.of() : List.copyOf(themes);
        codingSystems = codingSystems == null ? List.of() : List.copyOf(codingSystems);
    }
}
