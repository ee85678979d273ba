package fr.contact.eds.portal.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Cross-site request forgery protection for every form that decides something (double-submit): a random token in
 * a strict same-site cookie, the same in a hidden field of the form; a post whose two do not match is refused.
 * Templates read the field's value as {@code inject:csrf.token}.
 */
@RequestScoped
@Named("csrf")
public class Csrf {

    public static final String FIELD = "csrf";
    private static final String COOKIE = "contact-csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private String token;

    public Csrf(HttpServerRequest request, HttpServerResponse response) {
        this.request = request;
        this.response = response;
    }

    public String token() {
        if (token == null) {
            Cookie kept = request.getCookie(COOKIE);
            if (kept != null && kept.getValue().length() >= 32) {
                token = kept.getValue();
            } else {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                response.addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT));
            }
        }
        return token;
    }

    /** Refuses (403 page) a form whose field does not match the visitor's cookie. */
    public void check(String submitted) {
        Cookie kept = request.getCookie(COOKIE);
        if (submitted == null || kept == null || !MessageDigest.isEqual(submitted.getBytes(),
                kept.getValue().getBytes())) {
            throw new FormRefused();
        }
    }

    /** A form posted without the visitor's own token: from another site, or from a page open too long ago. */
    public static class FormRefused extends RuntimeException {

        FormRefused() {
            super("The form's CSRF token does not match the visitor's");
        }
    }
}
