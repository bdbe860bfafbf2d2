package org.pipelinecrm.winmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pipelinecrm.opportunity.DealMoves;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The model page: an admin trains the model now and reads its backtest (status, AUC, the calibration chart and its
 * table); in a fresh workspace, in Persian, the page says plainly that there is too little history.
 */
@IntegrationTest
class WinModelBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Opportunities opportunities;

    @Autowired
    DealMoves moves;

    @Autowired
    Pipelines pipelines;

    private WebDriver browser;

    @AfterEach
    void signOut() {
        if (browser != null) {
            browser.manage().deleteAllCookies();
        }
    }

    private static WebDriverWait training(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    @Test
    void anAdminTrainsTheModelNowAndReadsItsBacktest() {
        var ws = workspaces.create();
        Random random = new Random(16);
        workspaces.as(ws.adminEmail(), () -> {
            PipelineView pipeline = pipelines.visible().get(0);
            for (int i = 0; i < 240; i++) {
                String source = WinModelTest.SOURCES.get(random.nextInt(WinModelTest.SOURCES.size()));
                boolean won = random.nextDouble() < (source.equals("Referral") ? 0.8 : 0.2);
                long id = opportunities
                        .create(new Opportunities.CreateCmd(
                                "History " + i,
                                null,
                                null,
                                pipeline.id(),
                                pipeline.openStages().get(0).id(),
                                BigDecimal.valueOf(1_000 + random.nextInt(50_000)),
                                null,
                                null,
                                source,
                                null,
                                null,
                                null,
                                null))
                        .id();
                moves.close(
                        id,
                        new DealMoves.CloseCmd(
                                won ? StageKind.WON : StageKind.LOST,
                                won ? null : "LOST_CONTACT",
                                null,
                                null,
                                null,
                                null));
            }
            return null;
        });
        String base = "http://localhost:" + port;
        browser = Browser.driver();
        Browser.signIn(browser, base, ws.adminEmail(), TestWorkspaces.PASSWORD);
        browser.get(base + "/win-model");
        assertThat(browser.findElement(By.id("model-never")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.id("chart-calibration"))).isEmpty();

        browser.findElement(By.id("train-now")).click();
        // the page reloads itself while the model trains, then shows the backtest
        training(browser).until(ExpectedConditions.textToBe(By.id("model-status"), "Trained"));
        assertThat(browser.findElement(By.id("model-closed")).getText()).isEqualTo("240");
        double auc = Double.parseDouble(browser.findElement(By.id("model-auc")).getText());
        assertThat(auc).isGreaterThan(0.65);
        assertThat(browser.findElement(By.id("model-stage-figures")).getText()).contains("0.5");
        Browser.await(browser)
                .until(ExpectedConditions.attributeToBeNotEmpty(
                        browser.findElement(By.id("chart-calibration")), "data-drawn"));
        assertThat(browser.findElements(By.cssSelector("#calibration-table tbody tr")))
                .hasSize(10);
        assertThat(browser.findElements(By.id("model-fallback"))).isEmpty();
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
    }

    @Test
    void aFreshWorkspaceIsToldInPersianThatItHasTooLittleHistory() {
        var ws = workspaces.create();
        String base = "http://localhost:" + port;
        browser = Browser.driver();
        Browser.signIn(browser, base, ws.adminEmail(), TestWorkspaces.PASSWORD);
        browser.manage().addCookie(new Cookie("crm-lang", "fa"));
        browser.get(base + "/win-model");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir"))
                .isEqualTo("rtl");
        browser.findElement(By.id("train-now")).click();
        training(browser).until(ExpectedConditions.textToBe(By.id("model-status"), "سابقهٔ ناکافی"));
        String fallback = browser.findElement(By.id("model-fallback")).getText();
        assertThat(fallback).contains("سابقهٔ کافی نیست").contains("۴۰");
        assertThat(browser.findElements(By.id("model-auc"))).isEmpty();
        assertThat(browser.findElements(By.id("chart-calibration"))).isEmpty();
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
    }
}
