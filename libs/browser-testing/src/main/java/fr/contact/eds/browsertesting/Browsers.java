package fr.contact.eds.browsertesting;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver (installed by {@code .ci/run}), started headless with the flags this machine's
 * closed network needs. Named paths, so Selenium never tries to download a browser or a driver.
 */
public final class Browsers {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Browsers() {}

    /** Whether the browser tests can run here; they skip where Chromium or its driver is not installed. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A headless Chromium asking for French pages first, with JavaScript on or off. */
    public static WebDriver chromium(boolean javaScript) {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1280,1024");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr",
                "profile.managed_default_content_settings.javascript", javaScript ? 1 : 2));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The serious and critical WCAG 2.1 A/AA violations axe-core finds on the current page, described. */
    public static List<String> seriousViolations(WebDriver browser) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        if (results.getPasses() == null || results.getPasses().isEmpty()) {
            throw new IllegalStateException("axe-core ran no rule on " + browser.getCurrentUrl());
        }
        return results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(Browsers::describe).toList();
    }

    /** Saves the page as {@code target/screenshots/<name>.png}, for review. */
    public static void screenshot(WebDriver browser, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            String file = name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
            Files.write(dir.resolve((file.isEmpty() ? "home" : file) + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Rule v) {
        return v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
    }
}
