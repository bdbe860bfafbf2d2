package org.pipelinecrm.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The mapping page of a history file from another CRM: its headers (Organisation, Deal Owner, Created…) are
 * matched to fields shown by their labels, the owners nobody here has are listed, and the importer makes one a
 * former rep and gives the other's deals to a colleague.
 */
@IntegrationTest
class ImportMappingBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    People people;

    @Autowired
    Opportunities opportunities;

    @AfterEach
    void desktopAgain() {
        Browser.driver().manage().window().setSize(new Dimension(1400, 1000));
    }

    @Test
    void synonymsAreMatchedAndUnknownOwnersAreChosenFor() throws Exception {
        WebDriver browser = Browser.driver();
        browser.manage().window().setSize(new Dimension(1400, 1000));
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        Path file = Files.createTempFile("history", ".csv");
        Files.writeString(
                file,
                "Deal ID;Deal Name;Stage;Value;Created;Closed;Organisation;Deal Owner\n"
                        + "B-1;First;Closed won;1000;2025-01-05;2025-02-01;Acme;Parisa Old\n"
                        + "B-2;Second;Proposal;2000;2025-01-07;;Beta;Kamran Gone\n"
                        + "B-3;Third;Proposal;3000;2025-01-09;;Beta;Parisa Old\n",
                StandardCharsets.UTF_8);

        Browser.signIn(browser, base(), ws.adminEmail(), TestWorkspaces.PASSWORD);
        browser.get(base() + "/imports/new?entity=opportunities");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("import-upload")).click();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mapping-form")));

        // the other system's headers are matched, and the fields read as labels, not code names
        assertThat(new Select(browser.findElement(By.id("field-accountName")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Organisation");
        assertThat(new Select(browser.findElement(By.id("field-amount")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Value");
        assertThat(new Select(browser.findElement(By.id("field-openedAt")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Created");
        assertThat(browser.findElement(By.cssSelector("label[for='field-accountName']"))
                        .getText())
                .contains("Account (company)");
        assertThat(browser.findElement(By.cssSelector("label[for='field-ownerName']"))
                        .getText())
                .doesNotContain("ownerName");

        // both names nobody here has are listed; one becomes a former rep, the other's deals go to the rep
        List<String> unknown = browser.findElements(By.cssSelector("#unknown-owners label")).stream()
                .map(l -> l.getText().trim())
                .toList();
        assertThat(unknown).contains("Parisa Old", "Kamran Gone");
        String repName = "SALES_REP " + ws.suffix();
        new Select(browser.findElement(By.id("owner-policy"))).selectByVisibleText("Give the deals to " + repName);
        int parisa = unknown.indexOf("Parisa Old") - 1; // the first label is the "for all" one
        new Select(browser.findElement(By.id("owner-" + parisa)))
                .selectByVisibleText("Create as a former rep (no sign-in)");
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("import-start")));
        browser.findElement(By.id("import-start")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBe(By.id("import-status"), "Done"));
        assertThat(browser.findElement(By.id("import-counts")).getText()).startsWith("3 imported");

        List<UserSummary> everyone = workspaces.as(ws.adminEmail(), people::users);
        assertThat(everyone)
                .filteredOn(UserSummary::former)
                .extracting(UserSummary::name)
                .containsExactly("Parisa Old");
        assertThat(everyone).extracting(UserSummary::name).doesNotContain("Kamran Gone");
        long former = everyone.stream()
                .filter(UserSummary::former)
                .findFirst()
                .orElseThrow()
                .id();
        var deals = workspaces.as(
                ws.adminEmail(),
                () -> opportunities.list(null, null, null, null, 0, 50).items());
        assertThat(deals)
                .filteredOn(d -> d.name().equals("Second"))
                .singleElement()
                .extracting(d -> d.ownerId())
                .isEqualTo(rep.id());
        assertThat(deals).filteredOn(d -> d.ownerId() == former).hasSize(2);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
