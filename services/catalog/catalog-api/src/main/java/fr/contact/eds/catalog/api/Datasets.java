package fr.contact.eds.catalog.api;

/** Identifiers of the catalogue's datasets, as permits name them. */
public final class Datasets {

    /** Care episodes: the catalog's extracts and the episodes service's reads for researchers. */
    public static final String EPISODES = "unscheduled-care-episodes";

    private Datasets() {}
}
