package fr.contact.eds.portal.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * A malformed Accept-Language header would make the framework answer an empty 400 before any page runs; a visitor
 * cannot fix their browser's header, so it is dropped and the page answers in French.
 */
@Singleton
public class LanguageHeaderFilter {

    private static final int BEFORE_EVERYTHING = 1000;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String header = rc.request().getHeader("Accept-Language");
            if (header != null && !Languages.readable(header)) {
                rc.request().headers().remove("Accept-Language");
            }
            rc.next();
        }, BEFORE_EVERYTHING);
    }
}
