package org.pipelinecrm.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium for the whole test JVM. The driver path is given explicitly so that
 * Selenium never tries to download a browser.
 */
public final class Browser {

    private static WebDriver driver;

    private Browser() {}

    public static synchronized WebDriver driver() {
        if (driver == null) {
            driver = start();
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
        }
        return driver;
    }

    private static WebDriver start() {
        try {
            Path profile = Files.createTempDirectory("crm-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty(
                    "crm.chromium",
                    Files.exists(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "/usr/bin/chromium-browser"));
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-quic",
                    "--no-first-run",
                    "--window-size=1400,1000",
                    "--lang=en-US",
                    // no smooth scrolling: a click right after scrolling must land where the element is
                    "--force-prefers-reduced-motion",
                    "--user-data-dir=" + profile);
            // the browser console is read by tests: a page must not break its own Content-Security-Policy
            options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(System.getProperty("crm.chromedriver", "/usr/bin/chromedriver"))
                            .toFile())
                    .build();
            ChromeDriver chrome = new ChromeDriver(service, options);
            chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return chrome;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to ten seconds; an element replaced by a navigation or an htmx swap is looked up again. */
    public static WebDriverWait await(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Console messages about blocked scripts, styles or fonts since the last call. */
    public static java.util.List<String> securityPolicyViolations(WebDriver browser) {
        return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    /** Signs out whoever is signed in, then signs in on the login page. */
    public static void signIn(WebDriver browser, String baseUrl, String email, String password) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));
    }
}
