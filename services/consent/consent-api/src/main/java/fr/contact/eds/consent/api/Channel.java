package fr.contact.eds.consent.api;

/** How a decision reached CONTACT: online by the patient, or by post through the DPO office. */
public enum Channel {
    ONLINE, POST
}
