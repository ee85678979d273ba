package fr.contact.eds.catalog.api;

import java.util.List;

/**
 * The variables a project may request, the vocabulary of {@link Permit#variables()}: each maps to OMOP CDM columns in
 * extracts and to episode fields in the episodes service. What is not requested is not released: the extract leaves
 * those columns empty, or leaves out the table when none of its variables is asked.
 */
public final class Variables {

    public static final String SEX = "person.sex";
    public static final String YEAR_OF_BIRTH = "person.yearOfBirth";
    public static final String VISIT = "visit.modality";
    public static final String VISIT_TIMES = "visit.times";
    public static final String CONDITIONS = "condition.diagnoses";
    public static final String DRUGS = "drug.prescriptions";
    public static final String VITAL_SIGNS = "observation.vitalSigns";
    /** Laboratory results, apart from vital signs: OMOP MEASUREMENT rows of type Lab. */
    public static final String LABORATORY = "measurement.laboratory";
    public static final String TRIAGE = "observation.triage";
    public static final String OUTCOME = "episode.outcome";

    public static final List<String> ALL = List.of(SEX, YEAR_OF_BIRTH, VISIT, VISIT_TIMES, CONDITIONS,
            DRUGS, VITAL_SIGNS, LABORATORY, TRIAGE, OUTCOME);

    private Variables() {}
}
