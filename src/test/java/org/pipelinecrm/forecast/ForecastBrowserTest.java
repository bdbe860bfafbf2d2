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

    @Test
    void theOwnerChangesTheCategoryFromTheBoardCardAndFromTheDealList() {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        long deal = workspaces.as(rep.email(), () -> {
            var pipeline = pipelines.visible().get(0);
            return opportunities
                    .create(new Opportunities.CreateCmd(
                            "Globex expansion",
                            null,
                            null,
                            pipeline.id(),
                            pipeline.openStages().get(0).id(),
                            new BigDecimal("9000"),
                            LocalDate.now().plusDays(3),
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

        // on the board: the card's badge opens the choices from the keyboard
        browser.get(base + "/pipeline");
        By cardBadge = By.cssSelector(".board-card[data-id='" + deal + "'] .forecast-badge");
        WebElement badge = browser.findElement(cardBadge);
        assertThat(badge.getText()).isEqualTo("Pipeline");
        assertThat(badge.getDomAttribute("class")).contains("text-bg-light");
        badge.sendKeys(Keys.ENTER);
        WebElement select = Browser.await(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".board-card[data-id='" + deal + "'] .forecast-select")));
        new Select(select).selectByValue("COMMIT");
        select.sendKeys(Keys.ENTER);
        Browser.await(browser).until(ExpectedConditions.textToBe(cardBadge, "Commit"));
        assertThat(browser.findElement(cardBadge).getDomAttribute("class")).contains("text-bg-info");
        Browser.await(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Forecast category saved"));
        var stored = workspaces.as(rep.email(), () -> opportunities.opportunity(deal));
        assertThat(stored.forecastCategory()).isEqualTo(org.pipelinecrm.pipeline.ForecastCategory.COMMIT);
        assertThat(stored.forecastCategoryOverridden()).isTrue();
        // the card took the new version: a second change is not refused as stale
        browser.findElement(cardBadge).click();
        select = Browser.await(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".board-card[data-id='" + deal + "'] .forecast-select")));
        new Select(select).selectByValue("BEST_CASE");
        select.sendKeys(Keys.ENTER);
        Browser.await(browser).until(ExpectedConditions.textToBe(cardBadge, "Best case"));

        // on the list, in Persian at phone width: the category column has the same choice
        browser.manage().addCookie(new org.openqa.selenium.Cookie("crm-lang", "fa"));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            theListChangesTheCategory(base, rep.email(), deal);
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        }
    }

    private void theListChangesTheCategory(String base, String rep, long deal) {
        browser.get(base + "/pipeline/list");
        By rowBadge = By.cssSelector("#deal-list tr[data-id='" + deal + "'] .forecast-badge");
        // at phone width the table scrolls sideways: the column is there, past the visible part
        assertThat(browser.findElement(By.cssSelector("#deal-list thead")).getDomProperty("textContent"))
                .contains("دستهٔ پیش‌بینی");
        assertThat(browser.findElement(rowBadge).getDomProperty("textContent")).isEqualTo("بهترین حالت");
        swipeTo(rowBadge);
        browser.findElement(rowBadge).click();
        WebElement select = Browser.await(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#deal-list tr[data-id='" + deal + "'] .forecast-select")));
        new Select(select).selectByValue("DEFAULT");
        select.sendKeys(Keys.ENTER);
        Browser.await(browser).until(ExpectedConditions.attributeContains(rowBadge, "class", "text-bg-light"));
        var stored = workspaces.as(rep, () -> opportunities.opportunity(deal));
        assertThat(stored.forecastCategoryOverridden()).isFalse();
        assertThat(stored.forecastCategory()).isEqualTo(org.pipelinecrm.pipeline.ForecastCategory.PIPELINE);

        // someone else changes the deal meanwhile: the list's stale choice is refused and the badge keeps its category
        workspaces.as(rep, () -> opportunities.clearExpectedCloseDate(deal, stored.version()));
        swipeTo(rowBadge);
        browser.findElement(rowBadge).click();
        select = Browser.await(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#deal-list tr[data-id='" + deal + "'] .forecast-select")));
        new Select(select).selectByValue("COMMIT");
        select.sendKeys(Keys.ENTER);
        Browser.await(browser)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#toasts .toast.text-bg-danger")));
        assertThat(browser.findElement(rowBadge).getDomAttribute("class")).contains("text-bg-light");
        assertThat(workspaces.as(rep, () -> opportunities.opportunity(deal)).forecastCategory())
                .isEqualTo(org.pipelinecrm.pipeline.ForecastCategory.PIPELINE);
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
    }

    /** A person on a phone swipes the sideways-scrolling table until the column is in sight. */
    private void swipeTo(By element) {
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'center', inline: 'center'});",
                        browser.findElement(element));
    }
}
