package fr.contact.eds.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.contact.eds.browsertesting.Browsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The public pages in a real headless Chromium: an axe-core scan of every page (no serious or critical violation of
 * WCAG 2.1 A/AA), keyboard access, and the register's filter working with JavaScript turned off. Screenshots of every
 * page go to {@code target/screenshots} for review.
 */
@QuarkusTest
@QuarkusTestResource(FakeCatalog.class)
class PublicPagesBrowserTest {

    private static final List<String> PAGES = List.of("/", "/projects", "/projects/p-grippe", "/datasets",
            "/statistics", "/rights", "/accessibility", "/nowhere", "/?lang=en", "/projects?status=CLOSED");

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyPublicPagePassesAnAxeScanWithoutSeriousViolations() {
        assumeTrue(Browsers.available(), "Debian chromium and chromium-driver are not installed");
        WebDriver browser = Browsers.chromium(true);
        try {
            for (String page : PAGES) {
                browser.get(url(page));
                Browsers.screenshot(browser, page);
                assertThat(Browsers.seriousViolations(browser)).as("axe violations on %s", page).isEmpty();
            }
        } finally {
            browser.quit();
        }
    }

    @Test
    void theFirstTabReachesTheSkipLinkWhichLeadsToTheContent() {
        assumeTrue(Browsers.available(), "Debian chromium and chromium-driver are not installed");
        WebDriver browser = Browsers.chromium(true);
        try {
            browser.get(url("/projects"));
            browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            WebElement focused = browser.switchTo().activeElement();
            assertThat(focused.getAttribute("class")).isEqualTo("skip-link");
            focused.sendKeys(Keys.ENTER);
            assertThat(browser.getCurrentUrl()).endsWith("#contenu");
        } finally {
            browser.quit();
        }
    }

    @Test
    void everyPublicPageReadsAndTheRegisterFiltersWithJavaScriptTurnedOff() {
        assumeTrue(Browsers.available(), "Debian chromium and chromium-driver are not installed");
        WebDriver browser = Browsers.chromium(false);
        try {
            for (String page : PAGES) { // every public page reads whole without script
                browser.get(url(page));
                assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).isNotBlank();
                assertThat(browser.findElements(By.tagName("main"))).as(page).hasSize(1);
            }
            browser.get(url("/projects"));
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("status"))).selectByValue("CLOSED");
            browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            assertThat(browser.getCurrentUrl()).contains("status=CLOSED");
            assertThat(browser.findElement(By.id("results")).getText()).contains("Asthme")
                    .doesNotContain("Grippe et visites");
            Browsers.screenshot(browser, "/projects-without-javascript");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theRegisterFiltersInPlaceWithHtmx() {
        assumeTrue(Browsers.available(), "Debian chromium and chromium-driver are not installed");
        WebDriver browser = Browsers.chromium(true);
        try {
            browser.get(url("/projects"));
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("status"))).selectByValue("CLOSED");
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().contains("status=CLOSED")
                            && !d.findElement(By.id("results")).getText().contains("Grippe et visites"));
            assertThat(browser.findElements(By.id("results"))).hasSize(1);
            assertThat(browser.findElement(By.id("status")).getAttribute("value")).isEqualTo("CLOSED");
        } finally {
            browser.quit();
        }
    }

    private String url(String page) {
        return base.toString().replaceAll("/$", "") + page;
    }
}
