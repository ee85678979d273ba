package fr.contact.eds.catalog.extracts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The column names of the OMOP CDM 5.4 tables an extract writes, in the DDL's order. */
final class OmopColumns {

    static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("PERSON", List.of("person_id", "gender_concept_id", "year_of_birth", "month_of_birth",
                "day_of_birth", "birth_datetime", "race_concept_id", "ethnicity_concept_id", "location_id",
                "provider_id", "care_site_id", "person_source_value", "gender_source_value",
                "gender_source_concept_id", "race_source_value", "race_source_concept_id", "ethnicity_source_value",
                "ethnicity_source_concept_id"));
        TABLES.put("OBSERVATION_PERIOD", List.of("observation_period_id", "person_id",
                "observation_period_start_date", "observation_period_end_date", "period_type_concept_id"));
        TABLES.put("VISIT_OCCURRENCE", List.of("visit_occurrence_id", "person_id", "visit_concept_id",
                "visit_start_date", "visit_start_datetime", "visit_end_date", "visit_end_datetime",
                "visit_type_concept_id", "provider_id", "care_site_id", "visit_source_value",
                "visit_source_concept_id", "admitted_from_concept_id", "admitted_from_source_value",
                "discharged_to_concept_id", "discharged_to_source_value", "preceding_visit_occurrence_id"));
        TABLES.put("VISIT_DETAIL", List.of("visit_detail_id", "person_id", "visit_detail_concept_id",
                "visit_detail_start_date", "visit_detail_start_datetime", "visit_detail_end_date",
                "visit_detail_end_datetime", "visit_detail_type_concept_id", "provider_id", "care_site_id",
                "visit_detail_source_value", "visit_detail_source_concept_id", "admitted_from_concept_id",
                "admitted_from_source_value", "discharged_to_source_value", "discharged_to_concept_id",
                "preceding_visit_detail_id", "parent_visit_detail_id", "visit_occurrence_id"));
        TABLES.put("CONDITION_OCCURRENCE", List.of("condition_occurrence_id", "person_id", "condition_concept_id",
                "condition_start_date", "condition_start_datetime", "condition_end_date", "condition_end_datetime",
                "condition_type_concept_id", "condition_status_concept_id", "stop_reason", "provider_id",
                "visit_occurrence_id", "visit_detail_id", "condition_source_value", "condition_source_concept_id",
                "condition_status_source_value"));
        TABLES.put("DRUG_EXPOSURE", List.of("drug_exposure_id", "person_id", "drug_concept_id",
                "drug_exposure_start_date", "drug_exposure_start_datetime", "drug_exposure_end_date",
                "drug_exposure_end_datetime", "verbatim_end_date", "drug_type_concept_id", "stop_reason", "refills",
                "quantity", "days_supply", "sig", "route_concept_id", "lot_number", "provider_id",
                "visit_occurrence_id", "visit_detail_id", "drug_source_value", "drug_source_concept_id",
                "route_source_value", "dose_unit_source_value"));
        TABLES.put("MEASUREMENT", List.of("measurement_id", "person_id", "measurement_concept_id",
                "measurement_date", "measurement_datetime", "measurement_time", "measurement_type_concept_id",
                "operator_concept_id", "value_as_number", "value_as_concept_id", "unit_concept_id", "range_low",
                "range_high", "provider_id", "visit_occurrence_id", "visit_detail_id", "measurement_source_value",
                "measurement_source_concept_id", "unit_source_value", "unit_source_concept_id", "value_source_value",
                "measurement_event_id", "meas_event_field_concept_id"));
        TABLES.put("OBSERVATION", List.of("observation_id", "person_id", "observation_concept_id",
                "observation_date", "observation_datetime", "observation_type_concept_id", "value_as_number",
                "value_as_string", "value_as_concept_id", "qualifier_concept_id", "unit_concept_id", "provider_id",
                "visit_occurrence_id", "visit_detail_id", "observation_source_value", "observation_source_concept_id",
                "unit_source_value", "qualifier_source_value", "value_source_value", "observation_event_id",
                "obs_event_field_concept_id"));
        TABLES.put("DEATH", List.of("person_id", "death_date", "death_datetime", "death_type_concept_id",
                "cause_concept_id", "cause_source_value", "cause_source_concept_id"));
        TABLES.put("EPISODE", List.of("episode_id", "person_id", "episode_concept_id", "episode_start_date",
                "episode_start_datetime", "episode_end_date", "episode_end_datetime", "episode_parent_id",
                "episode_number", "episode_object_concept_id", "episode_type_concept_id", "episode_source_value",
                "episode_source_concept_id"));
        TABLES.put("EPISODE_EVENT", List.of("episode_id", "event_id", "episode_event_field_concept_id"));
        TABLES.put("CDM_SOURCE", List.of("cdm_source_name", "cdm_source_abbreviation", "cdm_holder",
                "source_description", "source_documentation_reference", "cdm_etl_reference", "source_release_date",
                "cdm_release_date", "cdm_version", "cdm_version_concept_id", "vocabulary_version"));
        TABLES.put("METADATA", List.of("metadata_id", "metadata_concept_id", "metadata_type_concept_id", "name",
                "value_as_string", "value_as_concept_id", "value_as_number", "metadata_date", "metadata_datetime"));
    }

    private OmopColumns() {}
}
