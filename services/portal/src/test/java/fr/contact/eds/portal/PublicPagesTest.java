package fr.contact.eds.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeCatalog.class)
class PublicPagesTest {

    @AfterEach
    void catalogBack() {
        FakeCatalog.down = false;
    }

    @Test
    void homeTellsThePatientsRightsAndTheFiguresInFrench() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"fr\">"), containsString("href=\"#contenu\""),
                        containsString("<main id=\"contenu\""), containsString("Vous opposer"),
                        containsString("<span class=\"figure\">2</span>"),
                        containsString("<span class=\"figure\">1\u202F500</span>"));
    }

    @Test
    void stillTellsTheRightsWhenTheCatalogIsDown() {
        FakeCatalog.down = true;
        given().get("/").then().statusCode(200)
                .body(containsString("Vous opposer"), containsString("momentanément indisponibles"));
    }

    @Test
    void answersInEnglishWhenAskedAndRemembersTheChoice() {
        given().get("/rights?lang=en").then().statusCode(200).cookie("lang", "en")
                .body(containsString("<html lang=\"en\">"), containsString("Object, without giving a reason"));
        given().cookie("lang", "en").get("/projects").then()
                .body(containsString("<html lang=\"en\">"), containsString("Register of research projects"));
        given().cookie("lang", "en").get("/projects?lang=fr").then().body(containsString("<html lang=\"fr\">"));
    }

    @Test
    void followsTheBrowsersLanguageAndFallsBackToFrench() {
        given().header("Accept-Language", "de-DE, en-GB;q=0.8").get("/").then()
                .body(containsString("<html lang=\"en\">"));
        given().header("Accept-Language", "de-DE").get("/").then().body(containsString("<html lang=\"fr\">"));
        given().header("Accept-Language", ";;;q=abc").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"fr\">"));
    }

    @Test
    void listsTheRegisterLatestDecisionFirstAndFiltersIt() {
        given().get("/projects").then().statusCode(200)
                .body(containsString("2 projets"), containsString("href=\"/projects/p-grippe\""),
                        containsString("aria-current=\"page\">Registre des projets"));
        String page = given().get("/projects").then().extract().asString();
        org.assertj.core.api.Assertions.assertThat(page.indexOf("Grippe")).isLessThan(page.indexOf("Asthme"));

        given().queryParam("status", "CLOSED").get("/projects").then()
                .body(containsString("1 projet"), containsString("Asthme"), not(containsString("p-grippe\"")));
        given().queryParam("year", "2026").get("/projects").then().body(containsString("Grippe"),
                not(containsString("/projects/p-asthme")));
        given().queryParam("theme", "observations").get("/projects").then()
                .body(containsString("/projects/p-asthme"), not(containsString("/projects/p-grippe")));
        given().queryParam("q", "GRIPPE epidemies").get("/projects").then()
                .body(containsString("/projects/p-grippe"), not(containsString("/projects/p-asthme")));
        given().queryParam("q", "rien de tel").get("/projects").then().body(containsString("Aucun projet"));
    }

    @Test
    void refusesAMalformedYearWithAPageNamingIt() {
        given().queryParam("year", "20x6").get("/projects").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("« year »"));
    }

    @Test
    void showsEveryFieldOfAProjectAndTheWayToObject() {
        given().get("/projects/p-grippe").then().statusCode(200)
                .body(allOf(containsString("Grippe et visites de nuit"), containsString("Inserm U1136"),
                        containsString("MR-004"), containsString("<code>person.sex</code>"),
                        containsString("La grippe fait-elle venir le médecin la nuit ?"),
                        containsString("Santé publique France"),
                        containsString("12 mars 2026"), containsString("30 juin 2027"),
                        containsString("Article en accès ouvert"), containsString("Pas encore de résultats"),
                        containsString("href=\"/me/projects/p-grippe/opposition\"")));
    }

    @Test
    void answersAnUnknownProjectOrPageWithANotFoundPage() {
        given().get("/projects/p-unknown").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Page introuvable"));
        given().get("/nowhere").then().statusCode(404).body(containsString("Page introuvable"));
    }

    @Test
    void turnsACatalogFailureIntoATryAgainPage() {
        FakeCatalog.down = true;
        given().get("/projects").then().statusCode(503).header("Retry-After", "30")
                .body(containsString("momentanément indisponible"), not(containsString("Exception")));
    }

    @Test
    void showsSmallCountsAsLessThanElevenInChartTableAndCsv() {
        given().get("/statistics").then().statusCode(200)
                .body(containsString("<svg class=\"chart\""), containsString("class=\"bar suppressed\""),
                        containsString("&lt; 11"), containsString("1\u202F200"));
        given().queryParam("groupBy", "month").get("/statistics.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", containsString("attachment"))
                .body(equalTo("month,episodes\r\n2026-01,1200\r\n2026-02,< 11\r\n2026-03,300\r\n"));
    }

    @Test
    void neutralisesSpreadsheetFormulasInCsv() {
        given().queryParam("groupBy", "modality").get("/statistics.csv").then()
                .body(containsString("'=cmd()"), not(containsString("\n=cmd")));
    }

    @Test
    void refusesUnreadableStatisticsParametersByName() {
        given().queryParam("from", "yesterday").get("/statistics").then().statusCode(400)
                .body(containsString("« from »"));
        given().queryParam("from", "2026-05-01").queryParam("to", "2026-01-01").get("/statistics").then()
                .statusCode(400);
        given().queryParam("groupBy", "patient").get("/statistics.csv").then().statusCode(400)
                .body(containsString("« groupBy »"));
    }

    @Test
    void describesTheDatasetsAndServesTheirRdfAsTheCatalogWritesIt() {
        given().get("/datasets").then().statusCode(200)
                .body(containsString("Épisodes de soins non programmés"), containsString("123\u202F456"),
                        containsString("LOINC"), containsString("ICPC-2"), containsString("restreint"),
                        containsString("revue annuelle"), containsString("href=\"/datasets/catalogue.ttl\""));
        given().get("/datasets/catalogue.ttl").then().statusCode(200).contentType(startsWith("text/turtle"))
                .body(equalTo(FakeCatalog.TURTLE));
        given().get("/datasets/catalogue.jsonld").then().statusCode(200)
                .contentType(startsWith("application/ld+json"));
    }

    @Test
    void protectsEveryPageWithSecurityHeaders() {
        for (String page : new String[]{"/", "/projects", "/nowhere", "/static/portal.css"}) {
            given().get(page).then().header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY");
        }
    }

    @Test
    void neverShowsThePatientSpaceToAnAnonymousVisitor() {
        // No identity provider answers in this test: nobody can sign in, and nothing personal is shown.
        int status = given().redirects().follow(false).get("/me").then().extract().statusCode();
        org.assertj.core.api.Assertions.assertThat(status).isIn(401, 503);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("csrf", "x")
                .post("/me/opposition").then().statusCode(org.hamcrest.Matchers.not(200));
    }

    @Test
    void servesHtmxAndTheThemeFromThePortalItself() {
        given().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
        given().get("/static/portal.css").then().statusCode(200).body(containsString(".skip-link"));
        given().get("/accessibility").then().statusCode(200).body(containsString("partiellement conforme"));
    }
}
