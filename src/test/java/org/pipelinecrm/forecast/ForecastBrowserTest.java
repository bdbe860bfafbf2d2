package org.pipelinecrm.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The forecast journey: a rep calls a deal commit on its page and submits a call, and the team's manager sees it
 * rolled up and submits the team's call.
 */
@IntegrationTest
class ForecastBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Opportunities opportunities;

    @Autowired
    Pipelines pipelines;

    @Autowired
    Forecasts forecasts;

    private WebDriver browser;

    @AfterEach
    void signOut() {
        if (browser != null) {
            browser.manage().deleteAllCookies();
        }
    }

    @Test
    void aRepCommitsADealAndCallsAndTheManagerSubmitsTheTeamsCall() {
        var ws = workspaces.create();
        long team = workspaces.addTeam(ws, "East");
        var rep = workspaces.addPerson(ws, Role.SALES_REP, team);
        var manager = workspaces.addPerson(ws, Role.MANAGER, team);
        // this quarter's middle is in this quarter whatever today is
        LocalDate close = LocalDate.now().plusDays(1);
        long deal = workspaces.as(rep.email(), () -> {
            var pipeline = pipelines.visible().get(0);
            return opportunities
                    .create(new Opportunities.CreateCmd(
                            "Initech renewal",
                            null,
                            null,
                            pipeline.id(),
                            pipeline.openStages().get(2).id(),
                            new BigDecimal("42000"),
                            close,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null))
                    .id();
        });
        String base = "http://localhost:" + port;
        browser = Browser.driver();
        Browser.signIn(browser, base, rep.email(), TestWorkspaces.PASSWORD);

        // the rep calls the deal commit where it is shown
        browser.get(base + "/opportunities/" + deal);
        WebElement category = browser.findElement(By.cssSelector(".inline-edit[data-field='forecastCategory']"));
        assertThat(category.getText()).contains("stage default");
        category.click();
        WebElement select = Browser.await(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".inline-edit-box select")));
        new Select(select).selectByValue("COMMIT");
        select.sendKeys(Keys.ENTER);
        Browser.await(browser)
                .until(ExpectedConditions.textToBe(
                        By.cssSelector(".inline-edit[data-field='forecastCategory']"), "Commit"));

        // and submits a call, which starts at closed + commit
        browser.get(base + "/forecast");
        assertThat(browser.findElement(
                                By.cssSelector("#forecast-table tr[data-owner='" + rep.id() + "'] .figure-commit"))
                        .getText())
                .contains("42,000");
        WebElement amount = browser.findElement(By.id("own-amount"));
        assertThat(new BigDecimal(amount.getDomProperty("value"))).isEqualByComparingTo("42000");
        amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        amount.sendKeys("40000");
        browser.findElement(By.id("own-note")).sendKeys("Initech signs after the board meeting");
        browser.findElement(By.id("submit-own-call")).click();
        Browser.await(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("submissions"), "40,000"));

        // the manager sees it rolled up and submits the team's call
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, base, manager.email(), TestWorkspaces.PASSWORD);
        browser.get(base + "/forecast");
        WebElement card = browser.findElement(By.cssSelector(".team-call[data-team='" + team + "']"));
        assertThat(card.findElement(By.cssSelector(".team-rollup")).getText()).contains("40,000");
        assertThat(card.findElement(By.cssSelector(".team-calls")).getText())
                .contains("Initech signs after the board meeting");
        WebElement teamAmount = card.findElement(By.cssSelector(".team-amount"));
        teamAmount.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        teamAmount.sendKeys("35000");
        card.findElement(By.cssSelector(".team-note")).sendKeys("Initech may slip a month");
        card.findElement(By.cssSelector(".submit-team-call")).click();
        Browser.await(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("submissions"), "35,000"));
        assertThat(browser.findElement(By.cssSelector(
                                "#forecast-table tr[data-team='" + team + "']:not([data-owner]) .figure-call"))
                        .getText())
                .contains("35,000");
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
    }
}
