package org.pipelinecrm.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A manager sets a team target, opens the dashboard, and the figures and charts follow the period and team chosen. */
@IntegrationTest
class DashboardBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void theFiguresAndChartsFollowThePeriodAndTeam() {
        var ws = workspaces.create();
        long east = workspaces.addTeam(ws, "East");
        long west = workspaces.addTeam(ws, "West");
        var manager = workspaces.addPerson(ws, Role.MANAGER, null);
        var a = workspaces.addPerson(ws, Role.SALES_REP, east);
        var b = workspaces.addPerson(ws, Role.SALES_REP, west);
        LocalDate today = LocalDate.now();
        workspaces.as(
                ws.adminEmail(),
                () -> tx.execute(s -> {
                    KnownPipeline data = new KnownPipeline(jdbc, ws.id(), 7);
                    data.deals(
                            150,
                            new long[] {a.id(), b.id()},
                            new Long[] {east, west},
                            today.minusDays(400),
                            today.minusDays(20));
                    return data;
                }));
        Period quarter = Periods.containing(today, PeriodType.QUARTER, FiscalCalendar.GREGORIAN, 1);
        Period before = Periods.previous(quarter, 1);

        WebDriver browser = Browser.driver();
        String base = "http://localhost:" + port;
        Browser.signIn(browser, base, manager.email(), TestWorkspaces.PASSWORD);
        browser.get(base + "/targets");
        new Select(browser.findElement(By.id("forWhom"))).selectByValue("team:" + east);
        new Select(browser.findElement(By.id("period"))).selectByValue("QUARTER:" + quarter.start());
        browser.findElement(By.id("amount")).sendKeys("50000000");
        browser.findElement(By.id("save-target")).click();
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("targets")));

        browser.findElement(By.id("nav-dashboard")).click();
        Browser.await(browser)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-trend[data-drawn]")));
        assertThat(browser.findElement(By.id("figure-target")).getText()).contains("50,000,000");
        assertThat(browser.findElement(By.id("figure-coverage")).getText()).endsWith("×");
        String wonNow = browser.findElement(By.id("figure-won-amount")).getText();
        String trendNow = browser.findElement(By.id("chart-trend")).getAttribute("data-drawn");
        String funnelNow = browser.findElement(By.id("chart-funnel")).getAttribute("data-drawn");

        new Select(browser.findElement(By.id("period"))).selectByValue("QUARTER:" + before.start());
        Browser.await(browser)
                .until(ExpectedConditions.not(
                        ExpectedConditions.attributeToBe(By.id("chart-trend"), "data-drawn", trendNow)));
        Browser.await(browser)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-trend[data-drawn]")));
        String wonBefore = browser.findElement(By.id("figure-won-amount")).getText();
        assertThat(wonBefore).isNotEqualTo(wonNow);
        assertThat(browser.findElement(By.id("figure-target")).getText()).isEqualTo("No target set");

        new Select(browser.findElement(By.id("teamId"))).selectByValue(String.valueOf(west));
        Browser.await(browser)
                .until(ExpectedConditions.attributeToBe(
                        By.cssSelector("#teamId option:checked"), "value", String.valueOf(west)));
        Browser.await(browser)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-funnel[data-drawn]")));
        assertThat(browser.findElement(By.id("figure-won-amount")).getText()).isNotEqualTo(wonBefore);
        assertThat(browser.findElement(By.id("chart-trend")).getAttribute("data-drawn"))
                .isNotEqualTo(trendNow);
        // the period chosen before is remembered when the dashboard is opened again
        browser.get(base + "/dashboard");
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("period-label")));
        assertThat(new Select(browser.findElement(By.id("period")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("QUARTER:" + before.start());
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
        assertThat(funnelNow).isNotNull();
    }
}
