package org.pipelinecrm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
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
 * Renews the README's screenshots from a fresh demo workspace:
 * {@code ./mvnw test -Dtest=ReadmeScreenshots -Dcrm.screenshots=docs/screenshots}.
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
        for (String page : System.getProperty("crm.screenshot-pages", "/pipeline,/leads,/dashboard,/")
                .split(",")) {
            browser.get(base + page);
            // let the browser paint the whole page before the picture is taken
            ((JavascriptExecutor) browser)
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + " requestAnimationFrame(() => requestAnimationFrame(done));");
            String name = page.equals("/") ? "home" : page.substring(1).replace('/', '-');
            Path shot =
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
