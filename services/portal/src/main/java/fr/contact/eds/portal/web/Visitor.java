package fr.contact.eds.portal.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Who is reading this page, as far as the page's language goes: French unless the visitor chose English
 * ({@code ?lang=en}, remembered in a cookie) or their browser prefers it. Templates read it as {@code inject:visitor}.
 */
@RequestScoped
@Named("visitor")
public class Visitor {

    static final String COOKIE = "lang";
    private static final int A_YEAR = 365 * 24 * 3600;

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private Locale locale;

    public Visitor(HttpServerRequest request, HttpServerResponse response) {
        this.request = request;
        this.response = response;
    }

    public Locale locale() {
        if (locale == null) {
            locale = choose();
        }
        return locale;
    }

    public String lang() {
        return locale().getLanguage();
    }

    /** The other language's code, for the language switch. */
    public String otherLang() {
        return "fr".equals(lang()) ? "en" : "fr";
    }

    /** This page in the other language: same path and query, other {@code lang}. */
    public String otherLangHref() {
        String query = request.params().entries().stream().filter(e -> !e.getKey().equals("lang"))
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return request.path() + "?" + (query.isEmpty() ? "" : query + "&") + "lang=" + otherLang();
    }

    /** Whether the page is the given section of the site, for {@code aria-current}. */
    public boolean isAt(String section) {
        String path = request.path();
        return path.equals(section) || !section.equals("/") && path.startsWith(section + "/");
    }

    private Locale choose() {
        String asked = request.getParam("lang");
        if (Languages.supported(asked)) {
            response.addCookie(Cookie.cookie(COOKIE, asked).setPath("/").setMaxAge(A_YEAR).setHttpOnly(true)
                    .setSameSite(CookieSameSite.LAX));
            return Locale.forLanguageTag(asked);
        }
        Cookie kept = request.getCookie(COOKIE);
        if (kept != null && Languages.supported(kept.getValue())) {
            return Locale.forLanguageTag(kept.getValue());
        }
        return Languages.preferred(request.getHeader("Accept-Language"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
