package fr.contact.eds.catalog.extracts;

/**
 * The standard OMOP concepts an extract writes where the CDM 5.4 documentation names one; everything else is 0 with
 * its source value, since extracts ship no vocabulary to map against.
 */
final class OmopConcepts {

    static final int HOME_VISIT = 581476;
    static final int OUTPATIENT = 9202;
    /** CDM 5.4's Telehealth visit concept (Place of Service). */
    static final int TELEHEALTH = 5083;
    static final int EMERGENCY_ROOM = 9203;
    static final int INPATIENT = 9201;
    /** The CDM "Field" concept saying an EPISODE_EVENT's event_id is a visit_occurrence_id. */
    static final int VISIT_OCCURRENCE_ID_FIELD = 1147070;
    static final int EHR = 32817;
    static final int EHR_PRESCRIPTION = 32838;
    /** Type concept "Lab": a measurement reported by a laboratory. */
    static final int LAB = 32856;
    static final int MALE = 8507;
    static final int FEMALE = 8532;
    static final int CDM_V54 = 756265;

    private OmopConcepts() {}
}
