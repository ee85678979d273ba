package fr.contact.eds.portal.web;

/** What the page is about does not exist (or is not public): answered 404 with a page. */
public class PageNotFound extends RuntimeException {

    public PageNotFound(String what) {
        super("No " + what);
    }
}
