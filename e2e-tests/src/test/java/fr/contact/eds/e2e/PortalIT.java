package fr.contact.eds.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.contact.eds.browsertesting.Browsers;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal as people use it, in headless Chromium against the whole system started by {@code ./contact up}:
 * signing in through the local Keycloak's real login page, then the patient's decisions and their receipts, the
 * access trail, a parent acting for a child, and an opposition to one project from the public register. Every
 * personal page passes an axe-core scan.
 */
class PortalIT {

    private static ContactRuntime contact;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(Browsers.available(), "Debian chromium and chromium-driver are not installed");
        contact = new ContactRuntime(Files.createTempDirectory("contact-e2e-portal"));
        ContactRuntime.Result up = contact.run("up");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("camille.martin", "demo-patient");
    }

    @AfterAll
    static void down() throws Exception {
        if (contact != null) {
            contact.run("down");
        }
    }

    @Test
    void aPatientSignsInObjectsSeesTheReceiptAndTheTrailThenWithdraws() {
        WebDriver browser = Browsers.chromium(true);
        try {
            signIn(browser, "/me", "camille.martin", "demo-patient");
            assertThat(text(browser, "status-sentence")).contains("peuvent servir");
            accessible(browser, "me");

            click(browser, "form[action='/me/opposition'] button");
            assertThat(text(browser, "receipt-covers")).contains("ne seront plus réutilisées");
            assertThat(text(browser, "receipt-reference")).isNotBlank();
            accessible(browser, "me-receipt");

            browser.get(portal("/me"));
            assertThat(text(browser, "status-sentence")).contains("Vous vous opposez");

            browser.get(portal("/me/accesses"));
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
                d.navigate().refresh();
                return !d.findElements(By.cssSelector("main tbody tr")).isEmpty();
            });
            assertThat(browser.findElement(By.cssSelector("main tbody")).getText()).contains("consent");
            accessible(browser, "me-accesses");

            browser.get(portal("/me"));
            click(browser, "form[action='/me/withdrawal'] button");
            assertThat(text(browser, "receipt-covers")).contains("L'opposition est retirée");
            browser.get(portal("/me"));
            assertThat(browser.findElements(By.cssSelector("main tbody tr"))).hasSize(2);

            browser.get(portal("/me/erasure"));
            accessible(browser, "me-erasure");

            // A decision posted without the page's own form token (as from another site) is refused.
            browser.get(portal("/me"));
            ((JavascriptExecutor) browser)
                    .executeScript("var f = document.querySelector(\"form[action='/me/opposition']\");"
                            + " f.querySelector('input[name=csrf]').value = 'forged'; f.submit();");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Accès refusé");
            browser.get(portal("/me"));
            assertThat(text(browser, "status-sentence")).contains("peuvent servir");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aParentObjectsForTheirMinorChildButNotForAnAdult() {
        WebDriver browser = Browsers.chromium(true);
        try {
            signIn(browser, "/me/child", "sophie.durand", "demo-parent");
            accessible(browser, "me-child");
            fillChild(browser, "Durand", "Léa", "2016-05-03");
            click(browser, "button[name='action'][value='oppose']");
            assertThat(text(browser, "receipt-covers")).contains("Les données de votre enfant");

            browser.get(portal("/me/child"));
            fillChild(browser, "Durand", "Paul", "1990-01-01");
            click(browser, "button[name='action'][value='oppose']");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("Demande refusée");
            assertThat(browser.findElement(By.id("familyName")).getAttribute("value")).isEqualTo("Durand");
            accessible(browser, "me-child-refused");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aPatientObjectsToOneProjectFromThePublicRegisterAndItsNextExtractLeavesThemOut() throws Exception {
        // Louis Bernard's care, sent by an association under his INS (the demo account carries the same INS).
        String association = contact.token("association", "e2e-software", "association=sos-e2e-portal");
        String example = E2eBundles.example(contact.root(), "178067505612359", "B-portal-" + System.nanoTime());
        assertThat(E2eBundles.importOne(E2eHttp.HTTP, contact.url("ingestion"), association, example)
                .get("accepted").asInt()).isEqualTo(1);
        String researcher = contact.token("researcher", "e2e-portal-researcher");
        String title = "E2E portail grippe";
        String project = E2eProjects.active(contact, researcher, title);
        String projectId = project.replaceAll(".*/", "");
        int includedBefore = E2eProjects.finishedExtract(project, researcher).get("manifest").get("includedPersons")
                .asInt();
        assertThat(includedBefore).isPositive();
        WebDriver browser = Browsers.chromium(true);
        try {
            browser.get(portal("/projects"));
            assertThat(browser.findElement(By.id("results")).getText()).contains(title);
            browser.get(portal("/projects/" + projectId));
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("MR-004", "person.sex",
                    "En cours", "Pourquoi les nourrissons voient un médecin la nuit", "Inserm");

            click(browser, "a[href='/me/projects/" + projectId + "/opposition']");
            logIn(browser, "louis.bernard", "demo-patient");
            click(browser, "form[action='/me/projects/" + projectId + "/opposition'] button");
            assertThat(text(browser, "receipt-covers")).contains(title, "n'utilisera pas vos données");

            browser.get(portal("/me"));
            assertThat(browser.findElement(By.tagName("main")).getText()).contains(title);

            var after = E2eProjects.finishedExtract(project, researcher).get("manifest");
            assertThat(after.get("includedPersons").asInt()).isEqualTo(includedBefore - 1);
        } finally {
            browser.quit();
        }
    }

    private static void signIn(WebDriver browser, String page, String user, String password) {
        browser.get(portal(page));
        logIn(browser, user, password);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(portal(page)));
    }

    /** On the identity provider's own login page. */
    private static void logIn(WebDriver browser, String user, String password) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(portal("/")));
    }

    private static void fillChild(WebDriver browser, String familyName, String givenName, String birthDate) {
        browser.findElement(By.id("familyName")).sendKeys(familyName);
        browser.findElement(By.id("givenName")).sendKeys(givenName);
        WebElement born = browser.findElement(By.id("birthDate"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", born, birthDate);
        new Select(browser.findElement(By.id("sex"))).selectByValue("female");
        browser.findElement(By.id("birthPlace")).sendKeys("69123");
    }

    private static void click(WebDriver browser, String css) {
        browser.findElement(By.cssSelector(css)).click();
    }

    private static String text(WebDriver browser, String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElements(By.id(id)).isEmpty() ? null : d.findElement(By.id(id)).getText());
    }

    private static void accessible(WebDriver browser, String name) {
        Browsers.screenshot(browser, "portal-" + name);
        assertThat(Browsers.seriousViolations(browser)).as("axe on %s", browser.getCurrentUrl()).isEmpty();
    }

    private static String portal(String path) {
        return contact.url("portal") + path;
    }
}
