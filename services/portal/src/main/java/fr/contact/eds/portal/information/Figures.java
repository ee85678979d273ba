package fr.contact.eds.portal.information;

/**
 * The home page's figures: projects on the register, datasets described, episodes in the last twelve months (the
 * sum of the counts shown, suppressed small cells left out). Unavailable when the catalog does not answer: the home
 * page still renders, the rights first.
 */
public record Figures(boolean available, int projects, int datasets, Long episodes) {

    public static Figures unavailable() {
        return new Figures(false, 0, 0, 0L);
    }
}
