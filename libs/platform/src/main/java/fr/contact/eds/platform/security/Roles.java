package fr.contact.eds.platform.security;

/** The roles a CONTACT token may carry in its {@code groups} claim. */
public final class Roles {

    public static final String PATIENT = "patient";
    public static final String DPO = "dpo";
    public static final String DPO_OFFICE = "dpo-office";
    public static final String RESEARCHER = "researcher";
    public static final String CSE_MEMBER = "cse-member";
    public static final String DATA_STEWARD = "data-steward";
    public static final String ASSOCIATION = "association";
    public static final String PLATFORM_ADMIN = "platform-admin";

    private Roles() {}
}
