package org.pipelinecrm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.pipelinecrm.demo.DemoData;
import org.pipelinecrm.demo.DemoWorkspace;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Renews the README's screenshots from a fresh demo workspace, signed in as its manager:
 * {@code ./mvnw test -Dtest=ReadmeScreenshots -Dcrm.screenshots=docs/screenshots}. Each page of
 * {@code crm.screenshot-pages} is taken in English at 1440×900 ({@code pipeline.png}) and in Persian
 * ({@code pipeline-fa.png}); each of {@code crm.screenshot-phone-pages} also at a phone's 390×844, in both languages
 * ({@code pipeline-phone.png}, {@code pipeline-fa-phone.png}).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "crm.screenshots", matches = ".+")
class ReadmeScreenshots {

    @LocalServerPort
    int port;

    @Autowired
    DemoData demo;

    @Test
    void takeScreenshots() throws IOException {
        Path target = Path.of(System.getProperty("crm.screenshots"));
        Files.createDirectories(target);
        DemoWorkspace workspace = demo.create("Demo Company", "shots-" + UUID.randomUUID() + ".test");
        WebDriver browser = Browser.driver();
        String base = "http://localhost:" + port;
        Browser.signIn(browser, base, "manager@" + workspace.adminEmail().substring(6), DemoData.PASSWORD);
        String[] pages = System.getProperty("crm.screenshot-pages", "/pipeline,/leads,/dashboard,/forecast,/win-model")
                .split(",");
        String[] phonePages = System.getProperty("crm.screenshot-phone-pages", "/pipeline,/leads")
                .split(",");
        try {
            for (String language : new String[] {"en", "fa"}) {
                browser.manage().addCookie(new Cookie("crm-lang", language, "/"));
                String suffix = language.equals("en") ? "" : "-" + language;
                browser.manage().window().setSize(new Dimension(1440, 900));
                for (String page : pages) {
                    shoot(browser, base + page, target.resolve(name(page) + suffix + ".png"));
                }
                browser.manage().window().setSize(new Dimension(390, 844));
                for (String page : phonePages) {
                    shoot(browser, base + page, target.resolve(name(page) + suffix + "-phone.png"));
                }
            }
        } finally {
            browser.manage().addCookie(new Cookie("crm-lang", "en", "/"));
            browser.manage().window().setSize(new Dimension(1400, 1000));
        }
    }

    private static String name(String page) {
        return page.equals("/") ? "home" : page.substring(1).replace('/', '-');
    }

    private static void shoot(WebDriver browser, String url, Path file) throws IOException {
        browser.get(url);
        // let the browser paint the whole page before the picture is taken
        ((JavascriptExecutor) browser)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + " requestAnimationFrame(() => requestAnimationFrame(done));");
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
