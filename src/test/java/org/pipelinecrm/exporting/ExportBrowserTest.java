package org.pipelinecrm.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.lead.LeadDetails;
import org.pipelinecrm.lead.Leads;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The lead list's Export button downloads the list as filtered on the page. */
@IntegrationTest
class ExportBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Leads leads;

    private long lead(TestWorkspaces.Workspace ws, String lastName, String source) {
        return workspaces.as(
                ws.adminEmail(),
                () -> leads.create(
                                new LeadDetails(
                                        null, lastName, null, null, "Acme", null, null, null, null, null, source, null,
                                        null, null, null),
                                true,
                                CurrentUser.actor())
                        .id());
    }

    @Test
    void theLeadListExportsWhatItsFilterShows() throws Exception {
        var ws = workspaces.create();
        long webinar = lead(ws, "Shams", "Webinar");
        lead(ws, "Karimi", "Referral");
        long webinarToo = lead(ws, "رضایی", "Webinar");
        String base = "http://localhost:" + port;
        WebDriver browser = Browser.driver();
        Path downloads = Files.createTempDirectory("crm-exports");
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Browser.setDownloadBehavior",
                        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        Browser.signIn(browser, base, ws.adminEmail(), TestWorkspaces.PASSWORD);

        browser.get(base + "/leads");
        var source = browser.findElement(By.name("source"));
        source.sendKeys("Webinar", Keys.TAB);
        Browser.await(browser).until(ExpectedConditions.urlContains("source=Webinar"));
        browser.findElement(By.id("export-leads")).click();
        Browser.await(browser)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.export-link[data-format=csv]")))
                .click();

        Path file = new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".csv"))
                        .findFirst()
                        .orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        assertThat(file.getFileName().toString()).startsWith("leads-");
        List<Map<String, String>> rows = ExportFiles.csv(Files.readAllBytes(file));
        assertThat(ExportFiles.ids(rows)).containsExactly(webinar, webinarToo);
        assertThat(rows.get(1).get("Last name")).isEqualTo("رضایی");
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();

        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(base + "/leads");
            Object fits = ((JavascriptExecutor) browser)
                    .executeScript("const r = document.getElementById('export-leads').getBoundingClientRect();"
                            + " return r.left >= 0 && r.right <= window.innerWidth;");
            assertThat(fits).as("the Export button fits on a phone").isEqualTo(true);
        } finally {
            browser.manage().window().setSize(new Dimension(1400, 1000));
        }
    }
}
