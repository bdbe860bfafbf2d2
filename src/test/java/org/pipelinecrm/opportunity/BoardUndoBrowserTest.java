package org.pipelinecrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Undo after a move or a win, the card menu drawn whole, and the won/lost zones in reach on a laptop screen. */
@IntegrationTest
class BoardUndoBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Opportunities opportunities;

    @Autowired
    DealStageHistory history;

    @Autowired
    Pipelines pipelines;

    WebDriver browser;
    TestWorkspaces.Workspace ws;
    TestWorkspaces.Person rep;
    PipelineView pipeline;
    long dealId;
    Dimension size;

    @BeforeEach
    void aRepWithOneDeal() {
        ws = workspaces.create();
        rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        pipeline = workspaces.as(rep.email(), () -> pipelines.visible().get(0));
        dealId = deal("Initech upgrade");
        browser = Browser.driver();
        size = browser.manage().window().getSize();
        Browser.signIn(browser, "http://localhost:" + port, rep.email(), TestWorkspaces.PASSWORD);
        browser.get("http://localhost:" + port + "/pipeline?pipelineId=" + pipeline.id());
    }

    @AfterEach
    void restoreTheWindow() {
        browser.manage().window().setSize(size);
    }

    private long deal(String name) {
        return workspaces.as(
                rep.email(),
                () -> opportunities
                        .create(new Opportunities.CreateCmd(
                                name,
                                null,
                                null,
                                pipeline.id(),
                                null,
                                new BigDecimal("4200"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .id());
    }

    private WebElement card() {
        return browser.findElement(By.cssSelector(".board-card[data-id='" + dealId + "']"));
    }

    private long stageNow() {
        return workspaces.as(
                rep.email(), () -> opportunities.opportunity(dealId).stageId());
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @Test
    void undoingAMovePutsTheDealBackAndHistoryShowsBothMoves() {
        long first = pipeline.openStages().get(0).id();
        long second = pipeline.openStages().get(1).id();
        card().findElement(By.cssSelector(".board-card-menu")).click();
        Browser.await(browser)
                .until(ExpectedConditions.elementToBeClickable(
                        card().findElement(By.cssSelector("[data-move-to='" + second + "']"))))
                .click();
        WebElement undo = Browser.await(browser)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".board-undo-toast .board-undo")));
        assertThat(browser.findElement(By.cssSelector(".board-undo-toast")).getText())
                .contains("Initech upgrade")
                .contains(pipeline.openStages().get(1).name());
        Browser.await(browser).until(b -> stageNow() == second);
        undo.click();
        Browser.await(browser).until(b -> stageNow() == first);
        Browser.await(browser)
                .until(b -> String.valueOf(first)
                        .equals(card().findElement(By.xpath("..")).getDomAttribute("data-stage-id")));
        List<StageVisit> visits = workspaces.as(rep.email(), () -> history.of(dealId));
        assertThat(visits).extracting(StageVisit::stageId).containsExactly(first, second, first);
        // the card carries the new version: moving it again is not refused as stale
        browser.navigate().refresh();
        assertThat(browser.findElements(By.cssSelector(".board-cards[data-stage-id='" + first + "'] .board-card")))
                .hasSize(1);
    }

    @Test
    void undoingAWinReopensTheDealIntoTheStageItLeft() {
        long third = pipeline.openStages().get(2).id();
        dealId = deal("Hooli renewal");
        browser.navigate().refresh();
        card().findElement(By.cssSelector(".board-card-menu")).click();
        Browser.await(browser)
                .until(ExpectedConditions.elementToBeClickable(
                        card().findElement(By.cssSelector("[data-move-to='" + third + "']"))))
                .click();
        Browser.await(browser).until(b -> stageNow() == third);
        Browser.await(browser)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".board-undo-toast .board-undo")));
        card().findElement(By.cssSelector(".board-card-menu")).click();
        long won = pipeline.closingStage(StageKind.WON).orElseThrow().id();
        Browser.await(browser)
                .until(ExpectedConditions.elementToBeClickable(
                        card().findElement(By.cssSelector("[data-move-to='" + won + "']"))))
                .click();
        Browser.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("won-confirm")));
        browser.findElement(By.id("won-confirm")).click();
        Browser.await(browser)
                .until(b -> workspaces.as(
                                rep.email(),
                                () -> opportunities.opportunity(dealId).status())
                        == StageKind.WON);
        WebElement undo = Browser.await(browser)
                .until(b -> b.findElements(By.cssSelector(".board-undo-toast")).stream()
                        .filter(t -> t.getText().contains("won"))
                        .map(t -> t.findElement(By.cssSelector(".board-undo")))
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        undo.click();
        Browser.await(browser)
                .until(b -> workspaces.as(
                                rep.email(),
                                () -> opportunities.opportunity(dealId).status())
                        == StageKind.OPEN);
        assertThat(stageNow()).isEqualTo(third);
        Browser.await(browser)
                .until(b -> String.valueOf(third)
                        .equals(card().findElement(By.xpath("..")).getDomAttribute("data-stage-id")));
        List<StageVisit> visits = workspaces.as(rep.email(), () -> history.of(dealId));
        assertThat(visits).extracting(StageVisit::stageId).endsWith(third, won, third);
    }

    @Test
    void theCardMenuIsDrawnWholeAboveTheColumns() {
        card().findElement(By.cssSelector(".board-card-menu")).click();
        WebElement log = Browser.await(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".board-card .card-log-activity")));
        // every item of the menu is the topmost thing where it is drawn: nothing cuts or covers it
        @SuppressWarnings("unchecked")
        List<Boolean> onTop = (List<Boolean>) js(
                "return [...arguments[0].querySelectorAll('.dropdown-item')].map(item => {"
                        + " const r = item.getBoundingClientRect();"
                        + " const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                        + " return r.bottom <= window.innerHeight && r.top >= 0 && item.contains(hit); })",
                card().findElement(By.cssSelector(".dropdown-menu")));
        assertThat(onTop).isNotEmpty().containsOnly(true);
        assertThat(log.getText()).isEqualTo("Log activity");
    }

    @Test
    void theWonAndLostZonesStayInReachOnALaptopScreen() {
        workspaces.as(rep.email(), () -> {
            for (int i = 0; i < 19; i++) {
                deal("Filler deal " + i);
            }
            return null;
        });
        browser.manage().window().setSize(new Dimension(1440, 900));
        browser.navigate().refresh();
        for (String zone : List.of("drop-won", "drop-lost")) {
            Number top = (Number) js("return document.getElementById(arguments[0]).getBoundingClientRect().top", zone);
            Number bottom =
                    (Number) js("return document.getElementById(arguments[0]).getBoundingClientRect().bottom", zone);
            Number height = (Number) js("return window.innerHeight");
            assertThat(top.doubleValue()).as(zone + " top").isGreaterThanOrEqualTo(0);
            assertThat(bottom.doubleValue()).as(zone + " bottom").isLessThanOrEqualTo(height.doubleValue());
        }
        // the oldest card is at the bottom of the first column; dragged straight onto "lost" it asks for a reason
        WebElement oldest = card();
        js("arguments[0].scrollIntoView({block: 'nearest'})", oldest);
        new Actions(browser)
                .clickAndHold(oldest)
                .moveByOffset(5, 5)
                .pause(100)
                .moveToElement(browser.findElement(By.id("drop-lost")))
                .pause(100)
                .moveByOffset(0, 2)
                .pause(100)
                .release()
                .perform();
        Browser.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("lost-confirm")));
        browser.findElement(By.id("lost-cancel")).click();
    }

    @Test
    void filtersApplyAsTheyChangeAndAnEmptyResultSaysHowToClearThem() {
        assertThat(browser.findElement(By.cssSelector("#board-filter .board-apply"))
                        .isDisplayed())
                .isFalse();
        browser.findElement(By.id("q")).sendKeys("no such deal");
        Browser.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("board-empty")));
        assertThat(browser.getCurrentUrl()).contains("q=no+such+deal");
        assertThat(browser.findElements(By.cssSelector(".board-card"))).isEmpty();
        // the filters shown can be saved as a view, then found again in one click
        browser.findElement(By.id("views-button")).click();
        WebElement name = Browser.await(browser).until(ExpectedConditions.elementToBeClickable(By.id("view-name")));
        name.sendKeys("Nothing yet");
        browser.findElement(By.id("save-view-button")).click();
        Browser.await(browser)
                .until(b -> b.findElement(By.id("views-button")).getText().equals("Nothing yet"));
        browser.findElement(By.id("clear-filters")).click();
        Browser.await(browser).until(b -> card().isDisplayed());
        assertThat(browser.findElement(By.id("views-button")).getText()).isEqualTo("Views");
        browser.findElement(By.id("views-button")).click();
        Browser.await(browser)
                .until(ExpectedConditions.elementToBeClickable(By.linkText("Nothing yet")))
                .click();
        Browser.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("board-empty")));
        assertThat(browser.findElement(By.id("q")).getDomProperty("value")).isEqualTo("no such deal");
    }
}
