package fr.contact.eds.portal.me;

import fr.contact.eds.portal.consent.Receipt;

/**
 * What a receipt page shows: the decision's receipt, whether it was for a child, and the project it is about (its
 * title from the register), so the page says in plain words what the decision covers.
 */
public record ReceiptPage(Receipt receipt, boolean forChild, String projectId, String projectTitle) {

    public static ReceiptPage of(Receipt receipt, boolean forChild) {
        return new ReceiptPage(receipt, forChild, null, null);
    }
}
